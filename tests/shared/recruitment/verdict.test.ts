import { describe, expect, it } from 'vitest';
import { verdictFromProbability } from '../../../shared/recruitment/verdict';

describe('verdictFromProbability', () => {
  const thresholds = { veryGood: 0.8, good: 0.5 };
  it.each([
    [0.95, 'very-good'],
    [0.8, 'very-good'],
    [0.7999, 'good'],
    [0.5, 'good'],
    [0.4999, 'small'],
    [0, 'small'],
  ])('P = %d → %s', (p, verdict) => {
    expect(verdictFromProbability(p, thresholds)).toEqual({ verdict, probability: p, thresholds });
  });

  it('rejects a probability outside 0..1', () => {
    expect(() => verdictFromProbability(1.2, thresholds)).toThrow(RangeError);
  });
});
