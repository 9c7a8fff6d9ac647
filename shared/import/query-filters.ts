/**
 * A query's filter texts → where on each dimension's axis the question lies: a region, a sex, an age band,
 * an ICD-10 code/block/chapter or a period — or a range of periods ("2010-2017", "2020-01..2020-06",
 * "2020-W10..2020-W20"), which no file publishes as one value but whose parts it does.
 */
import type { DimensionRole } from '../counts/dataset';
import { parseRegion } from '../regions/parse';
import { parseAgeBand, formatAgeBand } from '../utils/age-band';
import { parsePeriod } from '../utils/period';
import { foldText } from '../utils/text';
import { codeRange } from '../icd10/code-set';
import { normalizeIcd10 } from '../icd10/normalize';
import { parseSex } from './parse-sex';
import { parsePeriodLabel } from './parse-period-label';
import { phrase, type Phrase } from './phrases';
import type { Extent } from './value-extents';

/** A filter on one dimension: the canonical value it names (if one value can), and its extent (null: everything). */
export interface FilterTarget {
  value: string | null;
  extent: Extent | null;
  /** The filter as the user wrote it, canonical where possible, for messages ("70+", "C15-C20", "2020-W10..2020-W20"). */
  label: string;
}

export class FilterError extends Error {
  constructor(readonly what: Phrase) {
    super(what.key);
    this.name = 'FilterError';
  }
}

/** "2010-2017", "2020-01..2020-06", "2020-W10..2020-W20", "2019–2021": the two ends, or null when not a range. */
function periodRange(raw: string): [string, string] | null {
  const text = raw.trim();
  let m = /^(\d{4})\s*[-\u2013]\s*(\d{4})$/.exec(text);
  if (m) return [m[1]!, m[2]!];
  m = /^(.+?)\s*(?:\.\.|\u2013|\s-\s)\s*(.+)$/.exec(text);
  if (m) {
    const from = parsePeriodLabel(m[1]!);
    const to = parsePeriodLabel(m[2]!);
    if (from && to) return [from, to];
  }
  return null;
}

export function periodTarget(raw: string): FilterTarget {
  const folded = foldText(raw);
  if (folded === 'all' || folded === 'totalt' || folded === 'total') return { value: 'all', extent: null, label: 'all' };
  const single = parsePeriodLabel(raw);
  if (single) {
    const p = parsePeriod(single)!;
    return { value: single, extent: { lo: p.startDay, hi: p.endDay }, label: single };
  }
  const range = periodRange(raw);
  if (range) {
    const from = parsePeriod(range[0]);
    const to = parsePeriod(range[1]);
    if (from && to) {
      if (to.endDay < from.startDay) throw new FilterError(phrase('qPeriodBackwards', { raw }));
      return { value: null, extent: { lo: from.startDay, hi: to.endDay }, label: `${range[0]}..${range[1]}` };
    }
  }
  throw new FilterError(phrase('qBadPeriod', { raw }));
}

/** The target of a filter on a dimension with `role`; `values` to match extra dimensions' free text. */
export function filterTarget(role: DimensionRole, raw: string, values: readonly string[]): FilterTarget {
  switch (role) {
    case 'region': {
      const ref = foldText(raw) === 'national' ? { kind: 'national' as const } : parseRegion(raw);
      if (!ref) throw new FilterError(phrase('qBadRegion', { raw }));
      const value = ref.kind === 'county' ? ref.code : ref.kind;
      return { value, extent: value === 'national' ? null : pointOf(values, value), label: value };
    }
    case 'sex': {
      const sex = parseSex(raw);
      if (!sex) throw new FilterError(phrase('qBadSex', { raw }));
      return { value: sex, extent: sex === 'all' ? null : pointOf(values, sex), label: sex };
    }
    case 'age': {
      const band = parseAgeBand(raw);
      if (!band) throw new FilterError(phrase('qBadAge', { raw }));
      const label = formatAgeBand(band);
      return { value: label, extent: band.kind === 'all' ? null : { lo: band.min, hi: band.max ?? Number.POSITIVE_INFINITY }, label };
    }
    case 'code': {
      if (foldText(raw) === 'all') return { value: 'all', extent: null, label: 'all' };
      let code: string;
      try {
        code = normalizeIcd10(raw);
      } catch {
        throw new FilterError(phrase('qBadCode', { raw }));
      }
      return { value: code, extent: codeRange(code), label: code };
    }
    case 'period':
      return periodTarget(raw);
    case 'extra': {
      const f = foldText(raw);
      if (f === 'all') return { value: 'all', extent: null, label: 'all' };
      const at = values.findIndex((v) => foldText(v) === f);
      if (at < 0) throw new FilterError(phrase('qBadExtra', { raw, values: values.slice(0, 8).map((v) => phrase('quoted', { text: v })) }));
      return { value: values[at]!, extent: { lo: at, hi: at }, label: values[at]! };
    }
  }
}

/** A value that stands on its own point of the axis (regions, sexes): its index, or an empty extent when the file lacks it. */
function pointOf(values: readonly string[], value: string): Extent {
  const at = values.indexOf(value);
  return at >= 0 ? { lo: at, hi: at } : { lo: 1, hi: 0 };
}
