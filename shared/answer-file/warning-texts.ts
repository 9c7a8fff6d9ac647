/**
 * The compile warnings in words, one wording for the compilation page and `antal answer compile` (the CLI cannot
 * load the renderer's i18n, so the sentences live here, beside the compilation that raises them).
 */
import type { CompileWarning } from './compile';
import { unitBasisText } from './texts';
import { regionName } from '../regions/regions';
import type { Language } from '../text/language';

const COMPILE_WARNING_TEXTS: Readonly<Record<Language, Readonly<Record<CompileWarning['code'] | 'and', string>>>> = {
  sv: {
    'criteria-mismatch': '{unit} svarade på kriterieversion {studyVersion}, inte {expectedStudyVersion}: svaret visas men räknas inte.',
    'basis-conflict': '{unit} räknar {basis}, de andra {expected}: svaret räknas inte, eftersom olika baser aldrig summeras.',
    'policy-differs': 'Enheterna använder olika röjandeskydd ({policies}). Sammanställningen använder det striktaste, {strictest}, på alla svar.',
    'duplicate-region': '{region} besvaras av {units}. Alla svar visas; regionen räknas en gång, från det lägsta till det högsta svaret.',
    'missing-regions': 'Inget svar för {regions}. Summorna gäller bara de besvarade regionerna.',
    'title-differs': '{unit} anger titeln "{title}", inte "{expected}" (samma referens).',
    'same-file-twice': 'Svaret från {unit} lades till två gånger; det räknas en gång.',
    and: ' och ',
  },
  en: {
    'criteria-mismatch': '{unit} answered criteria version {studyVersion}, not {expectedStudyVersion}: the answer is shown but not counted.',
    'basis-conflict': '{unit} counts {basis}, the others {expected}: the answer is not counted, as different bases are never summed.',
    'policy-differs': 'The units use different disclosure policies ({policies}). The compilation applies the strictest, {strictest}, to every answer.',
    'duplicate-region': '{region} is answered by {units}. Every answer is shown; the region is counted once, from the lowest to the highest answer.',
    'missing-regions': 'No answer for {regions}. The totals cover the answered regions only.',
    'title-differs': '{unit} gives the title "{title}", not "{expected}" (same reference).',
    'same-file-twice': 'The answer from {unit} was added twice; it is counted once.',
    and: ' and ',
  },
};

/** One compile warning as a sentence, the same on the compilation page and from `antal answer compile`. */
export function compileWarningText(warning: CompileWarning, language: Language): string {
  const t = COMPILE_WARNING_TEXTS[language];
  const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
  const basis = (b: { unit: string; kind: string; regionBasis: string }) => unitBasisText(b, language);
  switch (warning.code) {
    case 'criteria-mismatch':
    case 'title-differs':
    case 'same-file-twice':
      return fill(t[warning.code], warning.params as unknown as Record<string, string | number>);
    case 'basis-conflict':
      return fill(t['basis-conflict'], { unit: warning.params.unit, basis: basis(warning.params.basis), expected: basis(warning.params.expected) });
    case 'policy-differs':
      return fill(t['policy-differs'], { policies: warning.params.policies.join(', '), strictest: warning.params.strictest });
    case 'duplicate-region':
      return fill(t['duplicate-region'], { region: regionName(warning.params.region, language), units: warning.params.units.join(t.and) });
    case 'missing-regions':
      return fill(t['missing-regions'], { regions: warning.params.regions.map((c) => regionName(c, language)).join(', ') });
  }
}
