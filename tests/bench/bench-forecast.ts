/**
 * The recruitment forecast's speed: projectRecruitment, the whole of it (probability, 80 % and 95 % prediction
 * intervals month by month, time to target, the site search, the sensitivity bars), for 10 sites and a target of
 * 500 patients over 24 months with staggered openings, the Swedish summer and mixed certainty (goal: p95 < 5 ms);
 * and the same plan with a dropout range in the distribution (a mixture of 8 quadrature components), for scale.
 * Warm runs: the app recomputes on every edit in the same worker. Wall-clock time and the process's CPU time are
 * both reported: on a machine shared by many processes the wall clock also counts the time spent waiting for a
 * core, which the CPU time does not.
 */
import { performance } from 'node:perf_hooks';
import type { RateCertainty, Study } from '../../shared/criteria/study';
import type { EstimateResult } from '../../shared/estimate/types';
import { DEFAULT_SEASONAL_WEIGHTS } from '../../shared/recruitment/plan';
import { projectRecruitment } from '../../shared/recruitment/project';
import { COUNTY_CODES } from '../../shared/regions/regions';
import type { Language } from '../../shared/text/language';
import { formatters, renderTable } from '../../cli/format';
import { estimateWith, makeStudy } from '../shared/study-builders';

export const FORECAST_BENCH_RUNS = 200;
const WARMUP_RUNS = 20;
const CERTAINTY: RateCertainty[] = ['low', 'medium', 'high'];

/** Ten sites of 1–3.7 patients a month in ten regions, opening over the first four months. */
export function forecastBenchStudy(dropout: boolean): Study {
  const base = makeStudy([]);
  return makeStudy([], {
    id: 'bench-forecast',
    title: 'Forecast benchmark',
    sponsorReference: 'BENCH',
    population: { kind: 'prevalent', windowYears: 1, unit: 'persons', regionBasis: 'residence', period: { kind: 'latest' } },
    ageShare: { source: { kind: 'uniform' }, range: { low: 0.75, point: 1, high: 1.25 }, note: '' },
    ageReferenceDate: '2027-03-01',
    recruitment: {
      ...base.recruitment,
      targetPatients: 500,
      startDate: '2027-03-01',
      months: 24,
      seasonalWeights: [...DEFAULT_SEASONAL_WEIGHTS],
      ...(dropout ? { dropoutRate: { low: 0.05, point: 0.1, high: 0.2 } } : {}),
      sites: Array.from({ length: 10 }, (_, i) => ({
        id: `site-${i + 1}`,
        name: `Site ${i + 1}`,
        region: COUNTY_CODES[i]!,
        activationMonth: i % 4,
        ratePerMonth: 1 + 0.3 * i,
        rateCertainty: CERTAINTY[i % 3]!,
      })),
    },
  });
}

/** Every region with 6 000 eligible patients (4 000–8 000): never the limit for these rates. */
export const FORECAST_BENCH_ESTIMATE: EstimateResult = {
  ...estimateWith(Object.fromEntries(COUNTY_CODES.map((code) => [code, { low: 4000, point: 6000, high: 8000 }]))),
  inputHash: 'bench-forecast',
};

export interface ForecastTiming {
  p50_ms: number;
  p95_ms: number;
  /** CPU time of the process (user + system) per run. */
  cpu_p50_ms: number;
  cpu_p95_ms: number;
  runs: number;
  /** The projection's own figures, so the report shows what was computed. */
  probability: number;
  mixture_components: number;
}

export interface ForecastBenchResult {
  forecast_10_sites_target_500: ForecastTiming;
  forecast_10_sites_target_500_dropout_range: ForecastTiming;
}

function time(study: Study, runs: number): ForecastTiming {
  let projection = projectRecruitment(study, FORECAST_BENCH_ESTIMATE);
  for (let i = 0; i < WARMUP_RUNS; i++) projection = projectRecruitment(study, FORECAST_BENCH_ESTIMATE);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    projection = projectRecruitment(study, FORECAST_BENCH_ESTIMATE);
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)]!;
  return {
    p50_ms: quantile(times, 0.5),
    p95_ms: quantile(times, 0.95),
    cpu_p50_ms: quantile(cpu, 0.5),
    cpu_p95_ms: quantile(cpu, 0.95),
    runs,
    probability: projection.probability,
    mixture_components: projection.mixture.components,
  };
}

export function runForecastBench(runs = FORECAST_BENCH_RUNS): ForecastBenchResult {
  return { forecast_10_sites_target_500: time(forecastBenchStudy(false), runs), forecast_10_sites_target_500_dropout_range: time(forecastBenchStudy(true), runs) };
}

const TEXT: Record<Language, Record<string, string>> = {
  sv: {
    title: 'Rekryteringsprognos (exakt), 10 kliniker, mål 500 patienter på 24 månader, {runs} körningar',
    plan: 'egna takter',
    dropout: 'med avhopp som intervall',
    case: 'Plan',
    components: 'Komponenter',
    probability: 'Sannolikhet',
  },
  en: {
    title: 'Recruitment forecast (exact), 10 sites, target 500 patients in 24 months, {runs} runs',
    plan: 'own rates',
    dropout: 'with a dropout range',
    case: 'Plan',
    components: 'Components',
    probability: 'Probability',
  },
};

export function renderForecastBenchReport(r: ForecastBenchResult, language: Language): string {
  const f = formatters(language);
  const t = TEXT[language];
  const ms = (x: number) => `${f.decimal(x, 2)} ms`;
  const row = (name: string, timing: ForecastTiming) => [name, ms(timing.p50_ms), ms(timing.p95_ms), ms(timing.cpu_p50_ms), ms(timing.cpu_p95_ms), '< 5 ms', f.count(timing.mixture_components), f.percent(timing.probability)];
  return [
    '',
    t.title!.replace('{runs}', f.count(r.forecast_10_sites_target_500.runs)),
    renderTable(
      [t.case!, 'p50', 'p95', language === 'sv' ? 'CPU p50' : 'CPU p50', 'CPU p95', language === 'sv' ? 'mål (p95)' : 'goal (p95)', t.components!, t.probability!],
      [row(t.plan!, r.forecast_10_sites_target_500), row(t.dropout!, r.forecast_10_sites_target_500_dropout_range)],
    ),
    '',
  ].join('\n');
}
