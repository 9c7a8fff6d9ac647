// Hash routes, so the app works the same from app://antal/ and from any web server path, and back/forward work.
export type Route =
  | { page: 'home'; studyId?: string }
  | { page: 'requests' }
  | { page: 'request'; requestId: string }
  | { page: 'audit' }
  | { page: 'datasets' }
  | { page: 'settings' }
  | { page: 'compile' }
  /** The guided answer to a request: data → criteria → forecast → answer → letter, one step at a time. */
  | { page: 'guide'; requestId: string; step: GuideStep }
  /** The method description (the same text as the letter's method section), optionally at one section. */
  | { page: 'method'; section?: string };

export const GUIDE_STEPS = ['request', 'data', 'criteria', 'forecast', 'answer', 'letter'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

function isGuideStep(value: string | undefined): value is GuideStep {
  return (GUIDE_STEPS as readonly string[]).includes(value ?? '');
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const [first, second, third, fourth] = path.split('/').filter(Boolean);
  if (first === 'requests' && second && third === 'guide') return { page: 'guide', requestId: decodeURIComponent(second), step: isGuideStep(fourth) ? fourth : 'request' };
  if (first === 'method') return second ? { page: 'method', section: decodeURIComponent(second) } : { page: 'method' };
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
    case 'guide':
      return `/requests/${encodeURIComponent(route.requestId)}/guide/${route.step}`;
    case 'method':
      return route.section ? `/method/${encodeURIComponent(route.section)}` : '/method';
    default:
      return `/${route.page}`;
  }
}

/** The main-menu entry a page belongs to (a request's page belongs to Requests). */
export function navSection(route: Route): Route['page'] {
  return route.page === 'request' || route.page === 'audit' || route.page === 'guide' ? 'requests' : route.page;
}
