// Hash routes, so the app works the same from app://antal/ and from any web server path, and back/forward work.
export type Route =
  | { page: 'home'; studyId?: string }
  | { page: 'requests' }
  | { page: 'request'; requestId: string }
  | { page: 'audit' }
  | { page: 'datasets' }
  | { page: 'settings' }
  | { page: 'compile' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [first, second] = path.split('/').filter(Boolean);
  if (first === 'requests' && second) return { page: 'request', requestId: decodeURIComponent(second) };
  if (first === 'requests') return { page: 'requests' };
  if (first === 'audit') return { page: 'audit' };
  if (first === 'datasets') return { page: 'datasets' };
  if (first === 'settings') return { page: 'settings' };
  if (first === 'compile') return { page: 'compile' };
  if (first === 'answer' && second) return { page: 'home', studyId: decodeURIComponent(second) };
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return route.studyId ? `/answer/${encodeURIComponent(route.studyId)}` : '/';
    case 'request':
      return `/requests/${encodeURIComponent(route.requestId)}`;
    default:
      return `/${route.page}`;
  }
}

/** The main-menu entry a page belongs to (a request's page belongs to Requests). */
export function navSection(route: Route): Route['page'] {
  return route.page === 'request' || route.page === 'audit' ? 'requests' : route.page;
}
