/**
 * The answer core's own words in Swedish and English: the study's basis in one sentence, blocking problems and
 * their one-click fixes, the estimate's period, overlapping values, the age-share assumption and readable
 * criterion labels. The app, the CLI and the letter word these things with these texts (describe.ts), so the
 * screen and the letter say the same, and no internal word reaches a Swedish reader.
 */
import type { Language } from '../text/language';
import { fill } from '../text/template';

const sv = {
  // The basis in one sentence.
  basis_incident_persons: 'Nya patienter per år{window}',
  basis_incident_events: 'Nya vårdhändelser per år{window} (en patient kan räknas mer än en gång)',
  basis_prevalent_persons: 'Patienter som behandlats eller haft diagnosen under en period',
  basis_prevalent_events: 'Vårdhändelser under en period (en patient kan räknas mer än en gång)',
  basis_window: ', omräknat till ett rekryteringsfönster på {years} år',
  basis_residence: 'räknade i den region där de är folkbokförda',
  basis_care: 'räknade i den region där de vårdas',
  basis_period_latest: 'den senaste perioden i data används',
  basis_period_all: 'alla perioder i data används',
  basis_period_range: 'perioderna {from}–{to} används',
  basis_period_exclude: ', utom {spans}',
  basis_sentence: '{what}, {where}; {period}.',
  // Words for one field of a basis.
  kind_incident: 'nya fall',
  kind_prevalent: 'patienter under en period (prevalens)',
  unit_persons: 'personer',
  unit_events: 'vårdhändelser',
  regionBasis_residence: 'efter folkbokföringsregion',
  regionBasis_care: 'efter vårdregion',
  field_kind: 'slag',
  field_unit: 'enhet',
  field_regionBasis: 'region',
  // Blocking problems.
  problem_basis: 'Datasetet ”{dataset}” räknar {datasetBasis}, men studien räknar {studyBasis}. Det används inte, och svaret kan inte skickas förrän det är löst.',
  problem_noDataPeriod: 'Datasetet ”{dataset}” anger inte vilken period det räknar: filen har ingen periodkolumn och varken rubrikerna eller titeln nämner ett år. Importera filen igen och ange perioden i importformuläret (eller med --data-period i antal). Svaret kan inte skickas förrän det är löst.',
  problem_period: 'Skattningens period ({period}) täcker ingen period i datasetet ”{dataset}” (som har {span}). Svaret kan inte skickas förrän det är löst.',
  problem_tableMissing: 'Tabellen som åldersandelarna ska tas från finns inte längre. Svaret kan inte skickas förrän en annan källa är vald.',
  problem_tableUnusable: 'Datasetet ”{dataset}” kan inte ge åldersandelar: {reason}. Svaret kan inte skickas förrän en annan källa är vald.',
  problem_noData: 'Studien har inga data kopplade: koppla ett dataset för att få ett svar.',
  reason_noAge: 'det har ingen ålderskolumn',
  reason_ageAll: 'det har bara en total över alla åldrar',
  reason_badSex: 'dess kön är varken män, kvinnor eller båda',
  reason_noPersons: 'det har inga personer vid någon ålder',
  // One-click fixes.
  fix_setBasis: 'Räkna studien som {basis}',
  fix_unlink: 'Koppla bort ”{dataset}”',
  fix_periodLatest: 'Använd den senaste perioden',
  fix_periodAll: 'Använd alla perioder',
  fix_periodRange: 'Använd perioderna {from}–{to}',
  fix_uniform: 'Fördela jämnt över åldrarna i gruppen',
  fix_table: 'Ta åldersandelarna från ”{dataset}”',
  // The period beside the base.
  period_label: 'Period',
  period_latest: '{periods} (den senaste perioden i data)',
  period_incident: '{periods} ({years} år); årstakt omräknad till {window} års rekryteringsfönster',
  period_mean: '{periods}; medelvärde över {count} perioder',
  period_whole: 'hela datasetets period {span}',
  // Overlapping values.
  overlap_union: 'inte personer: summerat över {dimensions}, där en person kan finnas under flera värden (intervallet går från det största värdet till summan)',
  overlap_sum: 'summan av regionerna räknar en person som vårdats eller bott i två regioner två gånger',
  // The age-share assumption.
  assumption: 'Antagande: andel {ages} av åldersgruppen {bands}',
  assumption_source_uniform: 'jämnt fördelat över åldrarna',
  assumption_source_table: 'enligt ”{table}”',
  assumption_share: '{band}: {point} ({low}–{high})',
  assumption_range: 'intervall {low}–{high} × källans andel',
  ages_range: '{min}–{max} år',
  ages_min: '{min} år och äldre',
  ages_max: 'upp till {max} år',
  ages_any: 'inom åldersgränserna',
  // Criterion labels.
  label_codes: 'Diagnos: {codes}',
  label_age: 'Ålder {ages}',
  label_sex_male: 'Kön: män',
  label_sex_female: 'Kön: kvinnor',
  label_region: 'Region: {regions}',
  label_values: '{dimension}: {values}',
  label_not: 'inte {label}',
  label_and: '{parts}',
  label_or: 'något av: {parts}',
  label_and_separator: ' och ',
  // Warnings.
};

const en: typeof sv = {
  basis_incident_persons: 'New patients per year{window}',
  basis_incident_events: 'New care events per year{window} (a patient may be counted more than once)',
  basis_prevalent_persons: 'Patients treated or diagnosed during a period',
  basis_prevalent_events: 'Care events during a period (a patient may be counted more than once)',
  basis_window: ', scaled to an enrolment window of {years} years',
  basis_residence: 'counted in the region where they are registered as residents',
  basis_care: 'counted in the region where they are treated',
  basis_period_latest: 'the latest period in the data is used',
  basis_period_all: 'every period in the data is used',
  basis_period_range: 'the periods {from}–{to} are used',
  basis_period_exclude: ', except {spans}',
  basis_sentence: '{what}, {where}; {period}.',
  kind_incident: 'new cases',
  kind_prevalent: 'patients during a period (prevalence)',
  unit_persons: 'persons',
  unit_events: 'care events',
  regionBasis_residence: 'by region of residence',
  regionBasis_care: 'by region of care',
  field_kind: 'kind',
  field_unit: 'unit',
  field_regionBasis: 'region',
  problem_basis: 'The dataset “{dataset}” counts {datasetBasis}, but the study counts {studyBasis}. It is not used, and the answer cannot be sent until this is resolved.',
  problem_noDataPeriod: 'The dataset “{dataset}” does not say which period it counts: the file has no period column and neither its headers nor its title name a year. Import the file again and give the period in the import form (or with --data-period in antal). The answer cannot be sent until this is resolved.',
  problem_period: "The estimate's period ({period}) covers no period of the dataset “{dataset}” (which has {span}). The answer cannot be sent until this is resolved.",
  problem_tableMissing: 'The table the age shares are taken from no longer exists. The answer cannot be sent until another source is chosen.',
  problem_tableUnusable: 'The dataset “{dataset}” cannot give age shares: {reason}. The answer cannot be sent until another source is chosen.',
  problem_noData: 'The study has no data linked: link a dataset to get an answer.',
  reason_noAge: 'it has no age column',
  reason_ageAll: 'it has only a total over all ages',
  reason_badSex: 'its sexes are not male, female or both',
  reason_noPersons: 'it holds no persons at any age',
  fix_setBasis: 'Count the study as {basis}',
  fix_unlink: 'Unlink “{dataset}”',
  fix_periodLatest: 'Use the latest period',
  fix_periodAll: 'Use every period',
  fix_periodRange: 'Use the periods {from}–{to}',
  fix_uniform: "Spread evenly over the band's ages",
  fix_table: 'Take the age shares from “{dataset}”',
  period_label: 'Period',
  period_latest: '{periods} (the latest period in the data)',
  period_incident: '{periods} ({years} years); annual rate scaled to a {window}-year enrolment window',
  period_mean: '{periods}; mean over {count} periods',
  period_whole: "the dataset's whole period {span}",
  overlap_union: 'not persons: summed over {dimensions}, where one person can be under several values (the interval runs from the largest value to the sum)',
  overlap_sum: 'the sum of regions counts a person treated or resident in two regions twice',
  assumption: 'Assumption: share aged {ages} of the age band {bands}',
  assumption_source_uniform: 'spread evenly over the ages',
  assumption_source_table: 'from “{table}”',
  assumption_share: '{band}: {point} ({low}–{high})',
  assumption_range: "range {low}–{high} × the source's share",
  ages_range: '{min}–{max} years',
  ages_min: '{min} years and over',
  ages_max: 'up to {max} years',
  ages_any: 'within the age limits',
  label_codes: 'Diagnosis: {codes}',
  label_age: 'Age {ages}',
  label_sex_male: 'Sex: male',
  label_sex_female: 'Sex: female',
  label_region: 'Region: {regions}',
  label_values: '{dimension}: {values}',
  label_not: 'not {label}',
  label_and: '{parts}',
  label_or: 'any of: {parts}',
  label_and_separator: ' and ',
};

export type AnswerTextKey = keyof typeof sv;

export const ANSWER_TEXTS: Record<Language, typeof sv> = { sv, en };

/** The text with `{name}` placeholders filled. */
export function answerText(language: Language, key: AnswerTextKey, params: Record<string, string | number> = {}): string {
  return fill(ANSWER_TEXTS[language][key], Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
}
