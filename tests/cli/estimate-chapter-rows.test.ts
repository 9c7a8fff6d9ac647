/**
 * `antal estimate` on a file that publishes a chapter and a block beside only some of their codes (the shape of
 * Socialstyrelsen's diagnosis and cause-of-death tables): the figures a criterion on the chapter, the block or a
 * code gives, per region and for Sweden, are the published rows — what `antal query` (a different method: the
 * published cell that is the question, else the coarsest published cells inside it) gives for the same code.
 */
import { describe, expect, it } from 'vitest';
import { runEstimate, type EstimateCommandResult } from '../../cli/commands/estimate';
import { runQuery } from '../../cli/commands/query';
import { makeStudy, predicateStep } from '../shared/study-builders';

const DATA = 'chap.csv';
const CSV = [
  'År;Region;Diagnos;Kön;Ålder;Antal patienter',
  '2021;Stockholm;C00-D48;Män;60-69;100',
  '2021;Stockholm;C15-C26;Män;60-69;30',
  '2021;Stockholm;C18;Män;60-69;10',
  '2021;Skåne;C00-D48;Män;60-69;50',
  '2021;Skåne;C18;Män;60-69;5',
  '',
].join('\n');

// Incident persons over one year; the recruitment plan plays no part in these figures.
const studyOf = (codes: string[]) =>
  makeStudy([{ ...predicateStep('dx', { kind: 'codes', codes }), protocolText: 'Diagnosis', label: 'Diagnos' }], {
    id: 'chapter',
    title: 'Chapter rows',
    sponsorReference: 'CH-1',
    population: { kind: 'incident', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } },
  });

const readFile = (study: unknown) => (path: string) =>
  new TextEncoder().encode(path === DATA ? CSV : JSON.stringify(study));

async function estimate(codes: string[]): Promise<EstimateCommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate(['--study', 'study.json', '--data', DATA, '--json'], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: readFile(studyOf(codes)),
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as EstimateCommandResult;
}

async function query(args: string[]): Promise<number> {
  let stdout = '';
  const code = await runQuery([DATA, ...args, '--json'], { stdout: (t) => void (stdout += t), stderr: () => undefined, readFile: readFile(null) });
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { point: number }).point;
}

const region = (result: EstimateCommandResult, code: string) => result.estimate.regions.find((r) => r.region === code)!.eligible;

describe('antal estimate on a file with chapter and block rows beside some codes', () => {
  it('the chapter: Stockholm 100, Skåne 50, Sweden 150 — as antal query says', async () => {
    const result = await estimate(['C00-D48']);
    expect(region(result, '01')).toEqual({ low: 100, point: 100, high: 100 });
    expect(region(result, '12')).toEqual({ low: 50, point: 50, high: 50 });
    expect(result.estimate.national).toEqual({ low: 150, point: 150, high: 150 });
    expect(await query(['--code', 'C00-D48'])).toBe(150);
    expect(await query(['--code', 'C00-D48', '--region', 'Stockholm'])).toBe(100);
  });

  it('the block: Stockholm its row, 30; Skåne publishes no block row: C18 5 for sure, up to the 45 only in its chapter', async () => {
    const result = await estimate(['C15-C26']);
    expect(region(result, '01')).toEqual({ low: 30, point: 30, high: 30 });
    expect(region(result, '12')).toEqual({ low: 5, point: 5, high: 50 });
    expect(await query(['--code', 'C15-C26', '--region', 'Stockholm'])).toBe(30);
  });

  it('a code: C18 10 and 5, none of the rows above it', async () => {
    const result = await estimate(['C18']);
    expect(region(result, '01')).toEqual({ low: 10, point: 10, high: 10 });
    expect(region(result, '12')).toEqual({ low: 5, point: 5, high: 5 });
    expect(result.estimate.national.point).toBe(await query(['--code', 'C18']));
  });
});
