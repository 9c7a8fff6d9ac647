// Reading the file again with another encoding or delimiter keeps the user's corrections where the headers still match.
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../../shared/import';
import { carryCorrections, roleOf, withExcludedLine, withMaskToken, withRole } from '../../../renderer/src/import/mapping-edit';

const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('carryCorrections', () => {
  // Windows-1252 bytes: read as UTF-8 (forced) the "ö" of "Kön" is invalid, so the first reading is with
  // the detected encoding and the second with a different delimiter.
  const bytes = latin1('Region;Kön;Grupp;Antal patienter\nSkåne län;Män;a;12\nSkåne län;Kvinnor;b;X\n');

  it('applies the corrected roles, token meanings and exclusions to the columns with the same header', async () => {
    const first = await analyseFile({ name: 'f.csv', bytes });
    const context = { headers: first.columns.map((c) => c.header), proposed: first.mapping, delimiter: ';' };
    expect(roleOf(first.mapping.columns[2]!)).toBe('extra');
    let corrected = withRole(first.mapping, 2, 'ignore', context);
    corrected = withMaskToken(corrected, 'X', { low: 1, high: 4, point: 2.5 });
    corrected = withExcludedLine(corrected, 3, true);
    const previous = { mapping: corrected, proposedMapping: first.mapping, columns: first.columns };

    const again = await analyseFile({ name: 'f.csv', bytes }, { encoding: 'windows-1252' });
    const carried = carryCorrections(previous, again)!;
    expect(carried.columns.map(roleOf)).toEqual(['region', 'sex', 'ignore', 'count-persons']);
    expect(carried.maskTokens.X).toEqual({ low: 1, high: 4, point: 2.5 });
    expect(carried.excludeLines).toEqual([3]);
  });

  it('keeps the new proposal for a column whose header changed, and returns null when nothing was corrected', async () => {
    const first = await analyseFile({ name: 'f.csv', bytes });
    const context = { headers: first.columns.map((c) => c.header), proposed: first.mapping, delimiter: ';' };
    const corrected = withRole(first.mapping, 1, 'extra', context); // "Kön" as an extra dimension
    // Read as ","-separated, every line is one column: no header matches, nothing is carried.
    const comma = await analyseFile({ name: 'f.csv', bytes }, { dialect: { delimiter: ',' } });
    const carried = carryCorrections({ mapping: corrected, proposedMapping: first.mapping, columns: first.columns }, comma);
    expect(carried).toBeNull();
    // Uncorrected: nothing to carry even where every header matches.
    const again = await analyseFile({ name: 'f.csv', bytes }, { encoding: 'windows-1252' });
    expect(carryCorrections({ mapping: first.mapping, proposedMapping: first.mapping, columns: first.columns }, again)).toBeNull();
  });

  it('does not carry a correction to a header that now occurs twice', () => {
    const column = (header: string) => ({ header });
    const dim = (key: string) => ({ kind: 'dimension' as const, role: 'extra' as const, key });
    const base = { ratePopulation: {}, excludeLines: [], maskTokens: {}, zeroTokens: [] };
    const previous = { mapping: { ...base, columns: [{ kind: 'ignore' as const }, dim('b')] }, proposedMapping: { ...base, columns: [dim('a'), dim('b')] }, columns: [column('A'), column('B')] };
    const next = { mapping: { ...base, columns: [dim('a'), dim('a-2')] }, columns: [column('A'), column('A')] };
    expect(carryCorrections(previous, next)).toBeNull();
  });
});
