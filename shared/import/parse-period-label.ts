/**
 * Period labels as exports write them → the canonical forms of shared/util/period ("2021", "2021-03",
 * "2021-W07", "2021-Q2", "2021-03-15"). Accepted besides the canonical forms: SCB's "2021M03", "2021K2"
 * and "2021V07", "2021 v7", "2021 vecka 7", "Vecka 7 2021", "2021 Q2", "mars 2021", "2021 Jan",
 * "2021-3", "2021/03", and the week or quarter first with any dot or comma ("v. 7 2021", "Vecka 7, 2021", "Q2 2021").
 */
import { foldText } from '../utils/text';
import { parsePeriod } from '../utils/period';

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januari', 'january', 'jan'], ['februari', 'february', 'feb'], ['mars', 'march', 'mar'], ['april', 'apr'],
    ['maj', 'may'], ['juni', 'june', 'jun'], ['juli', 'july', 'jul'], ['augusti', 'august', 'aug'],
    ['september', 'sep', 'sept'], ['oktober', 'october', 'okt', 'oct'], ['november', 'nov'], ['december', 'dec'],
  ].flatMap((names, index) => names.map((n) => [n, index + 1] as const)),
);

const pad2 = (n: number): string => String(n).padStart(2, '0');

function canonical(label: string): string | null {
  return parsePeriod(label) ? label : null;
}

/** The month number of a month name alone ("Jan", "mars"), for two-row headers with years above months. */
export function parseMonthName(raw: string): number | null {
  return MONTHS.get(foldText(raw).replace(/\.$/, '')) ?? null;
}

export function parsePeriodLabel(raw: string): string | null {
  const t = foldText(raw)
    .replace(/\s*([-/])\s*/g, '$1')
    // "v. 10 2020", "vecka 10, 2020", "Q1, 2020": the abbreviation's dot and a comma between the parts are spacing.
    .replace(/\b(v|w|wk|vecka|week|kv|kvartal|q|k)\.\s*/g, '$1 ')
    .replace(/\s*,\s*/g, ' ')
    .trim();
  if (t === '') return null;
  let m = /^(\d{4})$/.exec(t);
  if (m) return Number(m[1]) >= 1800 && Number(m[1]) <= 2200 ? m[1]! : null;
  m = /^(\d{4})(?:-|\/|m)(\d{1,2})$/.exec(t);
  if (m) return canonical(`${m[1]}-${pad2(Number(m[2]))}`);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return canonical(t);
  m = /^(\d{4})[- ]?(?:q|k|kv|kvartal|quarter)[- ]?([1-4])$/.exec(t);
  if (m) return canonical(`${m[1]}-Q${m[2]}`);
  m = /^(\d{4})[- ]?(?:w|v|vecka|week|wk)[- ]?(\d{1,2})$/.exec(t);
  if (m) return canonical(`${m[1]}-W${pad2(Number(m[2]))}`);
  m = /^(?:w|v|vecka|week|wk)[- ]?(\d{1,2})[- ](\d{4})$/.exec(t);
  if (m) return canonical(`${m[2]}-W${pad2(Number(m[1]))}`);
  m = /^(?:q|k|kv|kvartal|quarter)[- ]?([1-4])[- ](\d{4})$/.exec(t);
  if (m) return canonical(`${m[2]}-Q${m[1]}`);
  m = /^([a-z]+)\.? (\d{4})$/.exec(t);
  if (m && MONTHS.has(m[1]!)) return canonical(`${m[2]}-${pad2(MONTHS.get(m[1]!)!)}`);
  m = /^(\d{4}) ([a-z]+)\.?$/.exec(t);
  if (m && MONTHS.has(m[2]!)) return canonical(`${m[1]}-${pad2(MONTHS.get(m[2]!)!)}`);
  return null;
}
