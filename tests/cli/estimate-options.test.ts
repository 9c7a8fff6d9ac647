/**
 * The estimate's options beyond the study file: the Halland rule on the command line
 * (`antal estimate --halland`) and a population table for age shares in computeAnswer (the app's worker).
 * Fixtures and hand-computed figures: tests/fixtures and tests/cli/estimate-command.test.ts (Halland's
 * eligible patients 0 / 1.944 / 3.99; with the population table the national point is 21.6, else 20.304).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEstimate, type EstimateCommandResult } from '../../cli/commands/estimate';
import { parseHallandOption } from '../../cli/commands/halland-option';
import { computeAnswer } from '../../shared/answer/compute-answer';
import { parseStudyFile } from '../../shared/criteria/study-schema';
import { importFile } from '../../shared/import/import-file';
import { selectMeasure } from '../../shared/import/query-dataset';
import { DEFAULT_HALLAND_RULE } from '../../shared/regions/regions';

const FIXTURES = join(__dirname, '../fixtures');
const STUDY = join(FIXTURES, 'estimate-study.json');
const COUNTS = join(FIXTURES, 'estimate-counts.csv');
const POPULATION = join(FIXTURES, 'estimate-population.csv');

async function estimate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => new Uint8Array(readFileSync(path)),
  });
  return { code, stdout, stderr };
}

const healthcare = (r: EstimateCommandResult, id: string) => r.estimate.healthcareRegions.find((h) => h.id === id)!.eligible;

describe('antal estimate --halland', () => {
  it('reads each rule the Settings page offers', () => {
    expect(parseHallandOption('split')).toEqual(DEFAULT_HALLAND_RULE);
    expect(parseHallandOption('split=0.6')).toEqual({ kind: 'population-split', sodraShare: 0.6 });
    expect(parseHallandOption('split=0,25')).toEqual({ kind: 'population-split', sodraShare: 0.25 });
    expect(parseHallandOption('split=60%')).toEqual({ kind: 'population-split', sodraShare: 0.6 });
    expect(parseHallandOption('Södra')).toEqual({ kind: 'all-to', healthcareRegion: 'sodra' });
    expect(parseHallandOption('vastra')).toEqual({ kind: 'all-to', healthcareRegion: 'vastra' });
    for (const bad of ['split=1.5', 'split=', 'norra', '60%']) expect(() => parseHallandOption(bad)).toThrow(/--halland split\|split=SHARE\|sodra\|vastra/);
  });

  it('moves Halland\'s patients between Södra and Västra, and says which rule it used', async () => {
    const runs = await Promise.all(['sodra', 'vastra', 'split=0.6'].map((rule) => estimate(['--study', STUDY, '--data', COUNTS, '--halland', rule, '--json'])));
    const [sodra, vastra, split] = runs.map((r) => {
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as EstimateCommandResult;
    });
    expect(sodra!.hallandRule).toEqual({ kind: 'all-to', healthcareRegion: 'sodra' });
    // Halland's point 1.944 is all in Södra with one rule, all in Västra with the other, 60/40 with the third.
    expect(healthcare(sodra!, 'sodra').point - healthcare(vastra!, 'sodra').point).toBeCloseTo(1.944, 9);
    expect(healthcare(vastra!, 'vastra').point - healthcare(sodra!, 'vastra').point).toBeCloseTo(1.944, 9);
    expect(healthcare(split!, 'sodra').point - healthcare(vastra!, 'sodra').point).toBeCloseTo(0.6 * 1.944, 9);
    expect(sodra!.estimate.national.point).toBeCloseTo(vastra!.estimate.national.point, 9);
    const text = await estimate(['--study', STUDY, '--data', COUNTS, '--halland', 'vastra', '--lang', 'en']);
    expect(text.stdout).toMatch(/Halland.*Western/);
  });

  it('refuses an unknown rule as a usage error (exit 2)', async () => {
    const r = await estimate(['--study', STUDY, '--data', COUNTS, '--halland', 'north']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('got "north"');
  });
});

describe('computeAnswer with a population table', () => {
  const load = async (path: string) => selectMeasure(await importFile({ name: path, bytes: new Uint8Array(readFileSync(path)) }, undefined, { publisher: 'test', basis: { kind: 'incident' } })).dataset;

  it('splits straddling age bands by the population and says so in the estimate\'s basis', async () => {
    const parsed = parseStudyFile(readFileSync(STUDY, 'utf8'));
    if (!parsed.ok) throw new Error('study fixture invalid');
    const counts = await load(COUNTS);
    const population = await load(POPULATION);
    const uniform = computeAnswer(parsed.study, [counts], { hallandRule: DEFAULT_HALLAND_RULE });
    const weighted = computeAnswer(parsed.study, [counts], { hallandRule: DEFAULT_HALLAND_RULE, population });
    expect(uniform.estimate.national.point).toBeCloseTo(20.304, 9);
    expect(weighted.estimate.national.point).toBeCloseTo(21.6, 9);
    expect(uniform.estimate.basis?.ageShares?.kind ?? 'uniform').toBe('uniform');
    expect(weighted.estimate.basis?.ageShares).toEqual({ kind: 'population', datasetId: population.id });
    expect(weighted.estimate.warnings).toContainEqual({ code: 'straddling-age-band', bands: ['70-79'], weighting: 'population' });
  });
});
