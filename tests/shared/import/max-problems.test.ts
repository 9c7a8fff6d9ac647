// An import lists at most DEFAULT_MAX_PROBLEMS problems, and still counts every error exactly.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../shared/import/import-file';
import { DEFAULT_MAX_PROBLEMS } from '../../../shared/import/import-pass';
import { ImportRefusedError } from '../../../shared/import/problems';
import { utf8 } from './helpers';

async function refusal(text: string, maxProblems?: number): Promise<ImportRefusedError> {
  try {
    await importFile({ name: 'm.csv', bytes: utf8(text) }, undefined, { publisher: 'test' }, maxProblems === undefined ? {} : { maxProblems });
  } catch (error) {
    if (error instanceof ImportRefusedError) return error;
    throw error;
  }
  throw new Error('the import was not refused');
}

const rows = (n: number, cell: (i: number) => string): string => {
  const lines = ['Enhet;Antal patienter'];
  for (let i = 0; i < n; i++) lines.push(`enhet nummer ${i};${cell(i)}`);
  return `${lines.join('\n')}\n`;
};

describe('maxProblems', () => {
  it('lists 1 000 errors by default and counts all 2 345', async () => {
    expect(DEFAULT_MAX_PROBLEMS).toBe(1000);
    const e = await refusal(rows(2346, (i) => (i === 0 ? '7' : `n/a${i}`)));
    expect(e.errors).toHaveLength(1000);
    expect(e.errors.length + e.omitted).toBe(2345);
    expect(e.errors[0]).toMatchObject({ code: 'not-a-number', line: 3, raw: 'n/a1' });
    expect(e.message).toContain('1000+ error(s)');
  });

  it('counts omitted warnings apart from omitted errors, so the error total stays exact', async () => {
    // 30 errors, then 40 rows repeating line 2 with the same value (warnings), with room for 10 problems.
    const lines = ['Grupp;Antal patienter', 'g;5'];
    for (let i = 0; i < 30; i++) lines.push(`e${i};-1`);
    for (let i = 0; i < 40; i++) lines.push('g;5');
    const e = await refusal(`${lines.join('\n')}\n`, 10);
    expect(e.errors.every((p) => p.code === 'negative-count')).toBe(true);
    expect(e.errors.length + e.omitted).toBe(30);
  });

  it('a caller may ask for every problem', async () => {
    const e = await refusal(rows(1500, () => '-2'), Number.POSITIVE_INFINITY);
    expect(e.errors).toHaveLength(1500);
    expect(e.omitted).toBe(0);
  });
});
