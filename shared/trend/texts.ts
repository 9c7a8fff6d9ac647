/**
 * The trend's words in Swedish and English, the same in the app, the CLI and the letter: the projection line,
 * the steadiness verdict, every refusal and break, population problems and the method paragraph. Numbers are
 * formatted by the letter's own formatter (sv-SE "1 234", "12,5 %"; en-GB "1,234", "12.5%"), the same bytes
 * everywhere, and never as "−0".
 */
import { fill } from '../text/template';
import { NBSP, formatNumber } from '../text/format';
import { parseRegion } from '../regions/parse';
import { type CountyCode, regionName } from '../regions/regions';
import type { SeriesBreak } from './breaks';
import type { ProjectionLine } from './line';
import type { Projection, ProjectionRefusal } from './projection';
import type { PopulationIssue } from './population';
import type { SeriesKey } from './series';
import type { Steadiness, SteadinessReason } from './trend';
import type { Language } from '../text/language';

const sv = {
  seriesNational: 'Riket (summan av regionerna)',
  seriesPublished: 'Riket (källans egen rad)',
  projectionLine: 'Framskrivning {from} → {to}: × {factor} ({low}–{high})',
  projectionLevel: '{level}-prediktionsintervall, log-linjär trend över {windowFrom}–{last} ({average} per år)',
  projectionUnsteady: 'Framskrivningen förutsätter en jämn förändring som data inte visar.',
  projectionMasked: 'Intervallet rymmer också vad maskerade antal kan vara.',
  steady: 'Jämn förändring: varje års förändring ligger inom {deviation} procentenheter från genomsnittet ({average} per år) och ingen går åt motsatt håll med mer än {reversal} procentenheter.',
  unsteady: 'Förändringen är inte jämn nog att räkna fram: {reasons}.',
  farFromAverage: '{from}–{to} {change}, {difference} procentenheter från genomsnittet {average} per år',
  reversal: '{from}–{to} {change}, mot trendens riktning ({average} per år)',
  noData: 'Det finns inga data i fönstret.',
  unknownPeriod: 'Perioden {period} finns inte i data.',
  tooFewPeriods: 'En trend kräver minst {required} perioder med data; fönstret har {available}.',
  zeroCount: '{period} har 0 patienter, och en förändring i procent från 0 går inte att räkna ut.',
  zeroCountMasked: '{period} kan ha 0 patienter (maskerade antal), och en förändring i procent från 0 går inte att räkna ut.',
  break: 'Serien bryts {period}: {what}. Välj ett fönster som börjar {startFrom} eller senare.',
  breakAppeared: '{values} har patienter först från {period}',
  breakDisappeared: '{values} har inga patienter från {period}',
  breakPeriodLength: 'perioderna byter längd ({from} → {to})',
  breakRegions: 'regionerna med data ändras ({list}), så rikets summa räknar olika regioner',
  breakRegionsAppeared: '{regions} tillkommer',
  breakRegionsDisappeared: '{regions} saknas',
  breakZeroPopulation: 'befolkningen är 0 eller ofullständig {period} (källan har inte redovisat den)',
  breakDeclared: 'angivet brott: {reason}',
  targetNotAfterData: '{target} ligger inte efter den sista dataperioden {last}; ingen framskrivning behövs.',
  beyondHorizon: '{target} ligger {horizon} år efter {last}, längre än 3 × fönstrets {window} år ({max} år).',
  noLastValue: 'Det finns inga data för den sista perioden {last}.',
  populationNone: 'Ingen befolkningstabell är vald.',
  populationMixed: 'Kriterierna {steps} knyter ålder, kön eller region till något annat, så befolkningen kan inte avgränsas.',
  populationUnresolved: 'Befolkningstabellen saknar {dimensions} som kriterierna använder.',
  populationDiffer: 'Befolkningen skiljer sig mellan läkemedel eller koder ({region}, {period}); den största användes.',
  years: '{n} år',
  yearsOne: '1 år',
  periodYear: 'år',
  periodMonth: 'månad',
  periodQuarter: 'kvartal',
  periodWeek: 'vecka',
  periodDay: 'dag',
  method:
    'Trenden mäts på de antal data kan se, period för period, på samma sätt som svaret läser den senaste perioden. En log-linjär trend (ln antal = a + b·år) anpassas med minsta kvadratmetoden över de senaste {periods} perioderna; exp(b) − 1 är den genomsnittliga förändringen per år. Framskrivningen är trendlinjens värde vid målet delat med den sista periodens antal, med ett {level}-prediktionsintervall från Students t-fördelning med n − 2 frihetsgrader, som vidgas med avståndet från data. Andelar och åldersandelar är desamma varje period och tar ut varandra; maskerade antal vidgar intervallet. Ingen framskrivning görs från färre än 3 perioder, över ett brott i serien (nya koder, ändrad periodlängd, ändrade regioner, en befolkning som är 0 eller ofullständig, eller ett angivet brott) eller längre än 3 × fönstrets längd.',
};

const en: Record<keyof typeof sv, string> = {
  seriesNational: 'Sweden (sum of the regions)',
  seriesPublished: "Sweden (the source's own row)",
  projectionLine: 'Projection {from} → {to}: × {factor} ({low}–{high})',
  projectionLevel: '{level} prediction interval, log-linear trend over {windowFrom}–{last} ({average} a year)',
  projectionUnsteady: 'The projection assumes a steady change that the data does not show.',
  projectionMasked: 'The interval also covers what masked counts may be.',
  steady: "Steady change: every year's change lies within {deviation} percentage points of the average ({average} a year), and none goes the other way by more than {reversal} percentage points.",
  unsteady: 'The change is not steady enough to extrapolate: {reasons}.',
  farFromAverage: '{from}–{to} {change}, {difference} percentage points from the average of {average} a year',
  reversal: "{from}–{to} {change}, against the trend's direction ({average} a year)",
  noData: 'There is no data in the window.',
  unknownPeriod: 'The period {period} is not in the data.',
  tooFewPeriods: 'A trend needs at least {required} periods with data; the window has {available}.',
  zeroCount: '{period} has 0 patients, and a percentage change from 0 cannot be computed.',
  zeroCountMasked: '{period} may have 0 patients (masked counts), and a percentage change from 0 cannot be computed.',
  break: 'The series breaks in {period}: {what}. Choose a window that starts in {startFrom} or later.',
  breakAppeared: '{values} has patients only from {period}',
  breakDisappeared: '{values} has no patients from {period}',
  breakPeriodLength: 'the periods change length ({from} → {to})',
  breakRegions: 'the regions with data change ({list}), so the national sum counts different regions',
  breakRegionsAppeared: '{regions} added',
  breakRegionsDisappeared: '{regions} missing',
  breakZeroPopulation: 'the population is 0 or incomplete in {period} (the source did not report it)',
  breakDeclared: 'declared break: {reason}',
  targetNotAfterData: '{target} is not after the last data period {last}; no projection is needed.',
  beyondHorizon: "{target} is {horizon} years after {last}, further than 3 × the window's {window} years ({max} years).",
  noLastValue: 'There is no data for the last period {last}.',
  populationNone: 'No population table is chosen.',
  populationMixed: 'The criteria {steps} tie age, sex or region to something else, so the population cannot be delimited.',
  populationUnresolved: 'The population table lacks {dimensions}, which the criteria use.',
  populationDiffer: 'The population differs between drugs or codes ({region}, {period}); the largest was used.',
  years: '{n} years',
  yearsOne: '1 year',
  periodYear: 'year',
  periodMonth: 'month',
  periodQuarter: 'quarter',
  periodWeek: 'week',
  periodDay: 'day',
  method:
    'The trend is measured on the counts the data can see, period by period, the same way the answer reads the latest period. A log-linear trend (ln count = a + b·year) is fitted by least squares over the last {periods} periods; exp(b) − 1 is the average change per year. The projection is the trend line’s value at the target divided by the last period’s count, with a {level} prediction interval from Student’s t distribution with n − 2 degrees of freedom, which widens with the distance from the data. Proportions and age shares are the same in every period and cancel out; masked counts widen the interval. No projection is made from fewer than 3 periods, across a break in the series (new codes, a change of period length, changed regions, a population that is 0 or incomplete, or a declared break) or further than 3 × the window’s length.',
};

export type TrendTextKey = keyof typeof sv;
export const TREND_TEXTS: Readonly<Record<Language, Readonly<Record<TrendTextKey, string>>>> = { sv, en };

const text = (language: Language, key: TrendTextKey, params?: Record<string, string>): string => fill(TREND_TEXTS[language][key], params);

/** A factor with two decimals: "1,18" / "1.18". */
export function formatFactor(value: number, language: Language): string {
  const fixed = (Math.round(value * 100) / 100).toFixed(2);
  return language === 'sv' ? fixed.replace('.', ',') : fixed;
}

/** A yearly change with its sign and one decimal: "+9,5 %", "−7,9 %", "0,0 %" (never "−0"). */
export function formatChange(change: number, language: Language): string {
  const tenths = Math.round(change * 1000);
  const digits = formatNumber(Math.abs(tenths) / 10, language, 1);
  const decimal = language === 'sv' ? ',' : '.';
  const body = digits.includes(decimal) ? digits : `${digits}${decimal}0`;
  const number = tenths === 0 ? body : `${tenths > 0 ? '+' : '−'}${body}`;
  return language === 'sv' ? `${number}${NBSP}%` : `${number}%`;
}

/** A share as a whole percentage: "80 %" / "80%". */
function formatLevel(level: number, language: Language): string {
  const number = formatNumber(level * 100, language, 1);
  return language === 'sv' ? `${number}${NBSP}%` : `${number}%`;
}

const points = (fraction: number, language: Language): string => formatNumber(Math.abs(fraction) * 100, language, 1);

export function seriesName(key: SeriesKey, language: Language): string {
  if (key === 'national') return text(language, 'seriesNational');
  if (key === 'national-published') return text(language, 'seriesPublished');
  return regionName(key, language);
}

/** A dataset's region value ("01", "national") as a name. */
function regionLabel(value: string, language: Language): string {
  const ref = parseRegion(value);
  if (ref?.kind === 'county') return seriesName(ref.code, language);
  if (ref?.kind === 'national') return seriesName('national-published', language);
  return value;
}

const list = (items: readonly string[], language: Language): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${language === 'sv' ? 'och' : 'and'} ${items[items.length - 1]}`;

function yearsText(years: number, language: Language): string {
  const rounded = Math.round(years * 10) / 10;
  return rounded === 1 ? text(language, 'yearsOne') : text(language, 'years', { n: formatNumber(rounded, language, 1) });
}

function periodLengthName(years: number, language: Language): string {
  if (Math.abs(years - 1) < 0.02) return text(language, 'periodYear');
  if (Math.abs(years - 0.25) < 0.02) return text(language, 'periodQuarter');
  if (Math.abs(years - 1 / 12) < 0.01) return text(language, 'periodMonth');
  if (Math.abs(years - 7 / 365.25) < 0.002) return text(language, 'periodWeek');
  if (years < 0.01) return text(language, 'periodDay');
  return yearsText(years, language);
}

export function breakText(b: SeriesBreak, language: Language): string {
  switch (b.kind) {
    case 'code-change': {
      const parts: string[] = [];
      if (b.appeared.length > 0) parts.push(text(language, 'breakAppeared', { values: list(b.appeared, language), period: b.period }));
      if (b.disappeared.length > 0) parts.push(text(language, 'breakDisappeared', { values: list(b.disappeared, language), period: b.period }));
      return parts.join('; ');
    }
    case 'period-length':
      return text(language, 'breakPeriodLength', { from: periodLengthName(b.fromYears, language), to: periodLengthName(b.toYears, language) });
    case 'regions-changed': {
      const name = (c: CountyCode): string => seriesName(c, language);
      const parts: string[] = [];
      if (b.appeared.length > 0) parts.push(text(language, 'breakRegionsAppeared', { regions: list(b.appeared.map(name), language) }));
      if (b.disappeared.length > 0) parts.push(text(language, 'breakRegionsDisappeared', { regions: list(b.disappeared.map(name), language) }));
      return text(language, 'breakRegions', { list: parts.join(', ') });
    }
    case 'zero-population':
      return text(language, 'breakZeroPopulation', { period: b.period });
    case 'declared':
      return text(language, 'breakDeclared', { reason: b.reason });
  }
}

export function refusalText(refusal: ProjectionRefusal, language: Language): string {
  switch (refusal.code) {
    case 'no-data':
      return text(language, 'noData');
    case 'unknown-period':
      return text(language, 'unknownPeriod', { period: refusal.period });
    case 'too-few-periods':
      return text(language, 'tooFewPeriods', { required: String(refusal.required), available: String(refusal.available) });
    case 'zero-count':
      return text(language, refusal.masked ? 'zeroCountMasked' : 'zeroCount', { period: refusal.period });
    case 'break':
      return text(language, 'break', { period: refusal.break.period, what: breakText(refusal.break, language), startFrom: refusal.startFrom });
    case 'target-not-after-data':
      return text(language, 'targetNotAfterData', { target: refusal.target, last: refusal.last });
    case 'beyond-horizon':
      return text(language, 'beyondHorizon', {
        target: refusal.target,
        last: refusal.last,
        horizon: formatNumber(refusal.horizonYears, language, 1),
        window: formatNumber(refusal.windowYears, language, 1),
        max: formatNumber(refusal.maxYears, language, 1),
      });
    case 'no-last-value':
      return text(language, 'noLastValue', { last: refusal.period });
  }
}

function reasonText(r: SteadinessReason, language: Language): string {
  const params = { from: r.from, to: r.to, change: formatChange(r.change, language), average: formatChange(r.average, language) };
  if (r.code === 'reversal') return text(language, 'reversal', params);
  return text(language, 'farFromAverage', { ...params, difference: points(r.change - r.average, language) });
}

export function steadinessText(steadiness: Steadiness, average: number, language: Language): string {
  if (steadiness.steady) {
    return text(language, 'steady', { deviation: points(steadiness.rule.maxDeviation, language), reversal: points(steadiness.rule.maxReversal, language), average: formatChange(average, language) });
  }
  return text(language, 'unsteady', { reasons: steadiness.reasons.map((r) => reasonText(r, language)).join('; ') });
}

/** "Framskrivning 2020 → 2027: × 1,33 (1,15–1,55)". */
export function projectionLineText(line: Pick<ProjectionLine, 'from' | 'to' | 'factor'>, language: Language): string {
  return text(language, 'projectionLine', {
    from: line.from,
    to: line.to,
    factor: formatFactor(line.factor.point, language),
    low: formatFactor(line.factor.low, language),
    high: formatFactor(line.factor.high, language),
  });
}

/** What the line's interval is and rests on, plus the caveats that apply (unsteady trend, masked counts). */
export function projectionNotes(projection: Projection, language: Language): string[] {
  const notes = [
    text(language, 'projectionLevel', { level: formatLevel(projection.level, language), windowFrom: projection.windowFrom, last: projection.from, average: formatChange(projection.averageYearlyChange, language) }),
  ];
  if (!projection.steadiness.steady) notes.push(text(language, 'projectionUnsteady'));
  if (projection.masked) notes.push(text(language, 'projectionMasked'));
  return notes;
}

export function populationIssueText(issue: PopulationIssue, language: Language): string {
  switch (issue.code) {
    case 'none-given':
      return text(language, 'populationNone');
    case 'mixed-criteria':
      return text(language, 'populationMixed', { steps: list(issue.steps, language) });
    case 'unresolved':
      return text(language, 'populationUnresolved', { dimensions: list(issue.dimensions, language) });
    case 'repeated-values-differ':
      return text(language, 'populationDiffer', { region: regionLabel(issue.region, language), period: issue.period });
  }
}

/** The method paragraph for the method page and the letter. */
export function trendMethodText(language: Language, params: { periods: number; level: number }): string {
  return text(language, 'method', { periods: String(params.periods), level: formatLevel(params.level, language) });
}
