/**
 * SCB's PxWeb exports by municipality ("0180 Stockholm") and with the nation as "00 Riket": the nation is read as
 * the national total; a municipality row is refused with what it is and which county it lies in, not a bare
 * "not a region", so the coordinator knows to export by county.
 */
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../../shared/import/analyse-file';
import { PHRASES_SV } from '../../../shared/import/phrases.sv';
import { formatProblem } from '../../../shared/import/problems';

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');

describe('SCB region labels', () => {
  it('"00 Riket" is the published national total beside the counties', async () => {
    const preview = await analyseFile({ name: 'scb.csv', bytes: bytes(['"region","ålder","2022"', '"00 Riket","0 år",100', '"01 Stockholms län","0 år",60', '"03 Uppsala län","0 år",40']) });
    expect(preview.errors).toEqual([]);
    expect(preview.totals.map((t) => `${t.dimension}=${t.value}`)).toContain('region=national');
  });

  it('a municipality row names its county in the error, with line, column and raw value', async () => {
    const preview = await analyseFile({ name: 'kommun.csv', bytes: bytes(['"region","ålder","2022"', '"01 Stockholms län","0 år",60', '"0180 Stockholm","0 år",30']) });
    const problem = preview.errors.find((e) => e.code === 'unknown-region');
    expect(problem).toMatchObject({ line: 3, column: 1, raw: '0180 Stockholm' });
    expect(formatProblem(problem!, PHRASES_SV)).toContain('”0180 Stockholm” är en kommun (kommunkod 0180, i Stockholms län), inte ett län');
  });
});
