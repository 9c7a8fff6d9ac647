// Hash routes, so the app works the same from app://antal/ and from any web server path, and back/forward work.
export type Route =
  | { page: 'home'; studyId?: string }
  | { page: 'requests' }
  | { page: 'datasets' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [first, second] = path.split('/').filter(Boolean);
  if (first === 'requests') return { page: 'requests' };
  if (first === 'datasets') return { page: 'datasets' };
  if (first === 'settings') return { page: 'settings' };
  if (first === 'answer' && second) return { page: 'home', studyId: decodeURIComponent(second) };
  return { page: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'home':
      return route.studyId ? `/answer/${encodeURIComponent(route.studyId)}` : '/';
    default:
      return `/${route.page}`;
  }
}
