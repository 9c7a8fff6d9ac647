import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../renderer/src/route';

describe('hash routes', () => {
  it('round-trips every page, including a study id that needs encoding', () => {
    for (const route of [
      { page: 'home' as const },
      { page: 'requests' as const },
      { page: 'datasets' as const },
      { page: 'settings' as const },
      { page: 'home' as const, studyId: 'demo/studie 1' },
    ]) {
      expect(parseRoute('#' + routeHash(route))).toEqual(route);
    }
  });

  it('falls back to the answer page for unknown or empty hashes', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/nonsense')).toEqual({ page: 'home' });
    expect(parseRoute('#/answer/')).toEqual({ page: 'home' });
  });
});
