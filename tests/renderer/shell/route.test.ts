import { describe, expect, it } from 'vitest';
import { navSection, parseRoute, routeHash } from '../../../renderer/src/shell/route';

describe('hash routes', () => {
  it('round-trips every page, including a study id that needs encoding', () => {
    for (const route of [
      { page: 'home' as const },
      { page: 'requests' as const },
      { page: 'datasets' as const },
      { page: 'settings' as const },
      { page: 'home' as const, studyId: 'demo/studie 1' },
      { page: 'guide' as const, requestId: 'förfrågan/1', step: 'forecast' as const },
      { page: 'method' as const },
      { page: 'method' as const, section: 'intervals' },
    ]) {
      expect(parseRoute('#' + routeHash(route))).toEqual(route);
    }
  });

  it('falls back to the answer page for unknown or empty hashes', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/nonsense')).toEqual({ page: 'home' });
    expect(parseRoute('#/answer/')).toEqual({ page: 'home' });
  });

  it('opens a guided answer at its first step when the step is missing or unknown', () => {
    expect(parseRoute('#/requests/r1/guide')).toEqual({ page: 'guide', requestId: 'r1', step: 'request' });
    expect(parseRoute('#/requests/r1/guide/nonsense')).toEqual({ page: 'guide', requestId: 'r1', step: 'request' });
    expect(navSection({ page: 'guide', requestId: 'r1', step: 'letter' })).toBe('requests');
  });
});
