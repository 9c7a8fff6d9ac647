/**
 * A disclosure policy (röjandekontroll): which counts are too small to print, how they are shown
 * instead, how the rest is rounded, how zeros appear and whether secondary (complementary) suppression is applied.
 * Its name and version go into every letter. Presets follow the peers' published rules.
 */

/** A band of small values printed as one range, e.g. 1–4. Inclusive integer bounds. */
export interface CountBand {
  from: number;
  to: number;
}

/**
 * How values below the threshold appear: "<k" ('less-than'), "≤k−1" ('at-most'), or the band that contains
 * them ('bands'; the bands start at 1, are contiguous and cover at least 1..k−1; bands above k−1 coarsen shown
 * values such as "10–19").
 */
export type SmallValueDisplay = { kind: 'less-than' } | { kind: 'at-most' } | { kind: 'bands'; bands: CountBand[] };

/**
 * How a zero appears: 'zero' prints "0" (a zero is not protected), 'as-small' prints it like the small values
 * (the protected range then starts at 0, as Leaf/SHRINE's "10 or fewer").
 */
export type ZeroDisplay = 'zero' | 'as-small';

/**
 * 'complementary': further figures are hidden until no hidden small value can be recovered or narrowed through a
 * printed total, a healthcare region, the nation or the loss between two attrition steps. 'none': small values
 * are hidden one by one only (unsafe wherever a total is printed; kept for comparisons and tests).
 */
export type SecondaryRule = 'complementary' | 'none';

export interface DisclosurePolicy {
  id: string;
  name: string;
  version: string;
  /** k: counts 1..k−1 (0..k−1 when zeros show as small) are never printed as themselves. */
  threshold: number;
  small: SmallValueDisplay;
  /** Shown values (≥ k, outside the bands) are rounded to a multiple of this (1 = no rounding). */
  rounding: number;
  zero: ZeroDisplay;
  secondary: SecondaryRule;
  /** Printed in place of a figure hidden by secondary suppression (Swedish official statistics use ".."). */
  secondaryText: string;
}

export type DisclosurePresetId = 'ohdsi' | 'leaf-shrine' | 'pcornet-act';

export const DISCLOSURE_PRESETS: Readonly<Record<DisclosurePresetId, DisclosurePolicy>> = {
  // OHDSI network studies: minCellCount 5.
  ohdsi: { id: 'ohdsi', name: 'OHDSI k = 5', version: '1', threshold: 5, small: { kind: 'less-than' }, rounding: 1, zero: 'zero', secondary: 'complementary', secondaryText: '..' },
  // Leaf and SHRINE: "10 or fewer", zero included.
  'leaf-shrine': { id: 'leaf-shrine', name: 'Leaf/SHRINE ≤ 10', version: '1', threshold: 11, small: { kind: 'at-most' }, rounding: 1, zero: 'as-small', secondary: 'complementary', secondaryText: '..' },
  // PCORnet and ACT: counts 1–10 suppressed (threshold 11).
  'pcornet-act': { id: 'pcornet-act', name: 'PCORnet/ACT k = 11', version: '1', threshold: 11, small: { kind: 'less-than' }, rounding: 1, zero: 'zero', secondary: 'complementary', secondaryText: '..' },
};

/** The default policy: OHDSI's k = 5. */
export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = DISCLOSURE_PRESETS.ohdsi;

/** A starting point for a custom policy (the user edits it in Settings). */
export function customPolicyFrom(base: DisclosurePolicy): DisclosurePolicy {
  return { ...base, small: cloneSmall(base.small), id: 'custom', name: 'Custom', version: '1' };
}

function cloneSmall(small: SmallValueDisplay): SmallValueDisplay {
  return small.kind === 'bands' ? { kind: 'bands', bands: small.bands.map((b) => ({ ...b })) } : { ...small };
}

/** One problem with a policy: the field and a specific message (English; the UI translates by `code`). */
export interface PolicyProblem {
  field: 'id' | 'name' | 'version' | 'threshold' | 'small' | 'rounding' | 'zero' | 'secondary' | 'secondaryText';
  code:
    | 'required'
    | 'threshold-range'
    | 'rounding-range'
    | 'bands-empty'
    | 'band-order'
    | 'bands-start'
    | 'bands-gap'
    | 'bands-short'
    | 'unknown-value'
    | 'text-digits';
  message: string;
}

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** Every problem with a policy (empty when it can be used). A custom policy is checked before it is stored. */
export function validateDisclosurePolicy(policy: DisclosurePolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (field: PolicyProblem['field'], code: PolicyProblem['code'], message: string) => problems.push({ field, code, message });
  if (!policy.id?.trim()) add('id', 'required', 'The policy needs an id.');
  if (!policy.name?.trim()) add('name', 'required', 'The policy needs a name (it is printed on every letter).');
  if (!policy.version?.trim()) add('version', 'required', 'The policy needs a version (it is printed on every letter).');
  const k = policy.threshold;
  if (!isWhole(k) || k < 2 || k > 1000) add('threshold', 'threshold-range', `The threshold k must be a whole number from 2 to 1000 (got ${String(k)}).`);
  if (!isWhole(policy.rounding) || policy.rounding < 1 || policy.rounding > 1000) {
    add('rounding', 'rounding-range', `Rounding must be a whole number from 1 (none) to 1000 (got ${String(policy.rounding)}).`);
  }
  if (policy.zero !== 'zero' && policy.zero !== 'as-small') add('zero', 'unknown-value', `Unknown zero display "${String(policy.zero)}".`);
  if (policy.secondary !== 'complementary' && policy.secondary !== 'none') add('secondary', 'unknown-value', `Unknown secondary rule "${String(policy.secondary)}".`);
  if (!policy.secondaryText?.trim()) add('secondaryText', 'required', 'The text for figures hidden by secondary suppression is empty.');
  else if (/\d/.test(policy.secondaryText)) add('secondaryText', 'text-digits', `The text for hidden figures must not contain digits (got "${policy.secondaryText}").`);
  const small = policy.small;
  if (small?.kind === 'bands') problems.push(...bandProblems(small.bands, isWhole(k) ? k : 2));
  else if (small?.kind !== 'less-than' && small?.kind !== 'at-most') add('small', 'unknown-value', 'Unknown display of small values.');
  return problems;
}

function bandProblems(bands: CountBand[], k: number): PolicyProblem[] {
  const problem = (code: PolicyProblem['code'], message: string): PolicyProblem => ({ field: 'small', code, message });
  if (bands.length === 0) return [problem('bands-empty', 'Banded display needs at least one band.')];
  for (const [i, b] of bands.entries()) {
    if (!isWhole(b.from) || !isWhole(b.to) || b.from > b.to) return [problem('band-order', `Band ${i + 1} (${b.from}–${b.to}) must have whole bounds with from ≤ to.`)];
  }
  if (bands[0]!.from !== 1) return [problem('bands-start', `The first band must start at 1 (it starts at ${bands[0]!.from}).`)];
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.from !== bands[i - 1]!.to + 1) {
      return [problem('bands-gap', `Band ${i + 1} must start at ${bands[i - 1]!.to + 1}, right after band ${i} (it starts at ${bands[i]!.from}).`)];
    }
  }
  // A band that straddles k would print values below k together with larger ones: allowed only if it covers 1..k−1.
  const last = bands[bands.length - 1]!;
  if (last.to < k - 1) return [problem('bands-short', `The bands must cover every value below k = ${k} (they end at ${last.to}).`)];
  return [];
}

/**
 * The ranges of values a reader must never be able to narrow: each small band (or 1..k−1 as one range; from 0
 * when zeros show as small). Bands wholly at or above k are a coarsening, not a protection.
 */
export function protectedRanges(policy: DisclosurePolicy): CountBand[] {
  const k = policy.threshold;
  const bottom = policy.zero === 'as-small' ? 0 : 1;
  if (policy.small.kind !== 'bands') return [{ from: bottom, to: k - 1 }];
  const ranges = policy.small.bands.filter((b) => b.from < k).map((b) => ({ ...b }));
  if (bottom === 0 && ranges.length > 0) ranges[0] = { from: 0, to: ranges[0]!.to };
  return ranges;
}
