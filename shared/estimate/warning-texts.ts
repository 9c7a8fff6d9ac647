/**
 * The estimate's warnings in words, Swedish and English: one wording for the answer on screen, the letter's
 * readiness checklist, the letter itself and the CLI, so a warning the coordinator acknowledged is the warning
 * the reader sees. Datasets and criteria are named by their names (never their internal ids), dimensions by
 * their meaning, and a basis mismatch by what differs.
 */
import type { Basis } from '../counts/dataset';
import type { Language } from '../text/language';
import { formatCount } from '../text/format';
import { fill } from '../text/template';
import { regionName } from '../regions/regions';
import type { EstimateBasis, EstimateResult, EstimateWarning } from './types';

const sv = {
  independence: 'Andelarna för {steps} har multiplicerats som om de vore oberoende. Kriterier hänger ofta ihop, så det verkliga antalet kan avvika mer än intervallet visar.',
  synthetic: 'Svaret bygger på syntetiska demodata ({dataset}), inte på verkliga patienter.',
  masked_one: '{count} cell var maskerad i källan (t.ex. "X" = 1–3) och ingår som intervall.',
  masked_other: '{count} celler var maskerade i källan (t.ex. "X" = 1–3) och ingår som intervall.',
  straddlingUniform: 'Åldersgruppen {bands} ligger delvis innanför åldersgränsen: andelen inom gränsen är ett antagande (jämn fördelning inom gruppen, med studiens intervall) och visas som en egen rad i urvalsstegen.',
  straddlingPopulation: 'Åldersgruppen {bands} ligger delvis innanför åldersgränsen: andelen inom gränsen är ett antagande (befolkningstabellens åldersfördelning, med studiens intervall) och visas som en egen rad i urvalsstegen.',
  unresolved: 'Data är grövre än kriteriet för {dimensions}: sådana celler räknas inte i punktskattningen men helt i det högsta värdet.',
  basisKind: 'Datasetet ”{dataset}” räknar {datasetKind} men studien frågar efter {studyKind}: det används inte i svaret.',
  basisUnit: 'Datasetet ”{dataset}” räknar {datasetUnit} men övriga data {referenceUnit}: de kan inte läggas ihop, så det används inte i svaret.',
  basisRegion: 'Datasetet ”{dataset}” placerar patienter efter {datasetRegion} men övriga data efter {referenceRegion}: de kan inte läggas ihop, så det används inte i svaret.',
  basisEvents: 'Datasetet ”{dataset}” räknar händelser, inte personer: samma patient kan räknas flera gånger.',
  basisOther: 'Datasetet ”{dataset}” har ett annat slags underlag än övriga data och används inte i svaret.',
  events: 'Svaret räknar vårdhändelser, inte personer: en patient kan räknas mer än en gång.',
  jointCapped: 'Regionens egna antal för ”{step}” ({region}) var större än antalet före steget och begränsades till det: ett kriterium kan inte öka antalet.',
  overlap: 'Värdena i {dimensions} överlappar (en person kan finnas under flera): summor över dem är inte personer, och ett urval av flera värden anges som ett intervall.',
  kind_incident: 'nya fall',
  kind_prevalent: 'prevalenta personer (behandlade eller diagnostiserade under perioden)',
  unit_persons: 'personer',
  unit_events: 'händelser',
  region_residence: 'folkbokföringsregion',
  region_care: 'vårdregion',
  dim_code: 'diagnoskod',
  dim_age: 'ålder',
  dim_sex: 'kön',
  dim_period: 'period',
  dim_region: 'region',
  dimNamed: '”{name}”',
  and: ' och ',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  independence: 'The proportions for {steps} were multiplied as if independent. Criteria are often correlated, so the true number may differ more than the interval shows.',
  synthetic: 'This answer is based on synthetic demo data ({dataset}), not on real patients.',
  masked_one: '{count} cell was masked in the source (e.g. "X" = 1–3) and is included as an interval.',
  masked_other: '{count} cells were masked in the source (e.g. "X" = 1–3) and are included as intervals.',
  straddlingUniform: "Age band {bands} lies partly inside the age limit: the share inside the limit is an assumption (spread evenly over the band, with the study's range), shown as a line of its own in the attrition.",
  straddlingPopulation: "Age band {bands} lies partly inside the age limit: the share inside the limit is an assumption (the population table's age distribution, with the study's range), shown as a line of its own in the attrition.",
  unresolved: 'The data is coarser than the criterion for {dimensions}: such cells count 0 in the point estimate and in full in the high value.',
  basisKind: 'The dataset “{dataset}” counts {datasetKind} but the study asks for {studyKind}: it is not used in the answer.',
  basisUnit: 'The dataset “{dataset}” counts {datasetUnit} but the other data {referenceUnit}: they cannot be added, so it is not used in the answer.',
  basisRegion: 'The dataset “{dataset}” places patients by {datasetRegion} but the other data by {referenceRegion}: they cannot be added, so it is not used in the answer.',
  basisEvents: 'The dataset “{dataset}” counts events, not persons: one patient may be counted more than once.',
  basisOther: 'The dataset “{dataset}” has another kind of basis than the other data and is not used in the answer.',
  events: 'The answer counts care events, not persons: a patient may be counted more than once.',
  jointCapped: "The region's own count for “{step}” ({region}) was above the figure before the step and was capped there: a criterion cannot increase a count.",
  overlap: 'The values of {dimensions} overlap (one person can be under several): sums over them are not persons, and a choice of several values is given as an interval.',
  kind_incident: 'new cases',
  kind_prevalent: 'prevalent persons (treated or diagnosed in the period)',
  unit_persons: 'persons',
  unit_events: 'events',
  region_residence: 'region of residence',
  region_care: 'region of care',
  dim_code: 'diagnosis code',
  dim_age: 'age',
  dim_sex: 'sex',
  dim_period: 'period',
  dim_region: 'region',
  dimNamed: '“{name}”',
  and: ' and ',
};

const TEXTS: Readonly<Record<Language, Readonly<Record<Key, string>>>> = { sv, en };

/** What the wording needs besides the warning: names for the ids it carries. */
export interface WarningContext {
  /** The name of a dataset by id (a dataset no longer known: a neutral description, never the id). */
  datasetName(id: string): string;
  /** The basis of a dataset by id, when known. */
  datasetBasis(id: string): Basis | undefined;
  /** A criterion's label by step id. */
  stepLabel(id: string): string;
  /** The estimate's basis: what the study asked for and which data was added. */
  basis: EstimateBasis | undefined;
  /** Ids of the datasets the answer used. */
  usedDatasetIds: readonly string[];
  /** A dimension's header as the data names it ("Läkemedel"), when a dataset carries one. */
  dimensionLabel?(key: string): string | undefined;
}

/** The names a warning needs: the datasets an estimate was computed on (by name, never by id) and the study's steps. */
export function warningContext(
  estimate: Pick<EstimateResult, 'basis'>,
  datasets: ReadonlyArray<{ id: string; name: string; basis?: Basis; dimensions?: ReadonlyArray<{ key: string; label?: string }> }>,
  steps: ReadonlyArray<{ id: string; label: string }>,
): WarningContext {
  return {
    dimensionLabel: (key) => {
      for (const d of datasets) {
        const label = d.dimensions?.find((dim) => dim.key === key)?.label?.trim();
        if (label) return label;
      }
      return undefined;
    },
    datasetName: (id) => datasets.find((d) => d.id === id)?.name ?? '',
    datasetBasis: (id) => datasets.find((d) => d.id === id)?.basis,
    stepLabel: (id) => steps.find((s) => s.id === id)?.label ?? '',
    basis: estimate.basis,
    usedDatasetIds: (estimate.basis?.datasets ?? []).map((d) => d.id),
  };
}

const STANDARD_DIMENSIONS = new Set(['code', 'icd10', 'age', 'sex', 'period', 'year', 'region']);

function dimensionWord(key: string, t: Readonly<Record<Key, string>>, context: WarningContext): string {
  if (key === 'icd10' || key === 'code') return t.dim_code;
  if (key === 'year' || key === 'period') return t.dim_period;
  if (STANDARD_DIMENSIONS.has(key)) return t[`dim_${key}` as 'dim_age'];
  // A column of the data's own (an ATC code, a stage, …): named as the data names it (its header, else its key).
  return fill(t.dimNamed, { name: context.dimensionLabel?.(key) ?? key });
}

/** A warning in words. */
export function estimateWarningText(warning: EstimateWarning, language: Language, context: WarningContext): string {
  const t = TEXTS[language];
  switch (warning.code) {
    case 'independence':
      return fill(t.independence, { steps: warning.steps.map((s) => context.stepLabel(s)).join(', ') });
    case 'synthetic-data':
      return fill(t.synthetic, { dataset: context.datasetName(warning.dataset) });
    case 'masked-cells':
      return fill(warning.count === 1 ? t.masked_one : t.masked_other, { count: formatCount(warning.count, language) });
    case 'straddling-age-band':
      return fill(warning.weighting === 'population' ? t.straddlingPopulation : t.straddlingUniform, { bands: warning.bands.join(', ') });
    case 'events-not-persons':
      return t.events;
    case 'joint-count-capped':
      return fill(t.jointCapped, { step: context.stepLabel(warning.stepId), region: regionName(warning.region, language) });
    case 'overlapping-values':
      return fill(t.overlap, { dimensions: warning.dimensions.map((d) => dimensionWord(d, t, context)).join(t.and) });
    case 'unresolved-criterion':
      return fill(t.unresolved, { dimensions: warning.dimensions.map((d) => dimensionWord(d, t, context)).join(t.and) });
  }
}

