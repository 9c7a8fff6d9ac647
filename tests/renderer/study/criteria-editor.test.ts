// The pure parts of the criteria editor: moving steps, the code suggestions with their hierarchy, typed numbers.
import { describe, expect, it } from 'vitest';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { codesInData, moveStep } from '../../../renderer/src/study/CriteriaEditor';
import { parseDecimalInput, parsePercentInput, parseWholeNumberInput } from '../../../renderer/src/study/parse-input';

describe('moveStep', () => {
  it('moves a step one place and leaves the study unchanged at the ends', () => {
    const ids = (s: typeof DEMO_STUDY) => s.steps.map((x) => x.id);
    expect(ids(moveStep(DEMO_STUDY, 1, -1)).slice(0, 2)).toEqual(['age', 'diagnosis']);
    expect(moveStep(DEMO_STUDY, 0, -1)).toBe(DEMO_STUDY);
    expect(moveStep(DEMO_STUDY, DEMO_STUDY.steps.length - 1, 1)).toBe(DEMO_STUDY);
  });
});

describe('code suggestions', () => {
  it('lists the codes in the data with their ancestors, so parents are recognisable', () => {
    const dataset = { dimensions: [{ key: 'icd10', role: 'code', values: ['C187', 'C18', 'C15-C26', 'C20'] }] } as unknown as Parameters<typeof codesInData>[0][number];
    expect(codesInData([dataset])).toEqual([
      { code: 'C15-C26', path: 'C15-C26' },
      { code: 'C18', path: 'C15-C26 › C18' },
      { code: 'C187', path: 'C15-C26 › C18 › C187' },
      { code: 'C20', path: 'C15-C26 › C20' },
    ]);
  });
});

describe('typed numbers', () => {
  it('accepts decimal comma or point and spaces, and refuses anything else instead of guessing', () => {
    expect(parseDecimalInput('12,5')).toBe(12.5);
    expect(parseDecimalInput(' 1 234 ')).toBe(1234);
    expect(parseDecimalInput('1\u00a0234,5')).toBe(1234.5);
    expect(parseDecimalInput('12,5,1')).toBeNull();
    expect(parseDecimalInput('')).toBeNull();
    expect(parseDecimalInput('abc')).toBeNull();
    expect(parsePercentInput('12,5 %')).toBeCloseTo(0.125, 12);
    expect(parsePercentInput('101')).toBeNull();
    expect(parseWholeNumberInput('3,5')).toBeNull();
    expect(parseWholeNumberInput('120')).toBe(120);
  });
});
