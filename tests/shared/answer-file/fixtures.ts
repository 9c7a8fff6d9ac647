/** Three units' answer files for one request, made from hand-written estimates (see compile.test.ts). */
import { createAnswerFile, type AnswerFile } from '../../../shared/answer-file';
import type { Study } from '../../../shared/criteria/study';
import { DISCLOSURE_PRESETS, type DisclosurePolicy } from '../../../shared/disclosure';
import { runDemo } from '../../../shared/demo/run-demo';
import type { CountyCode } from '../../../shared/regions/regions';
import { makeEstimate, type RegionValues } from '../disclosure/make-estimate';

export const STUDY: Study = { ...runDemo().study, version: 2 };

/** The same study one version earlier, with another age limit: other criteria, another hash. */
export const OLDER_STUDY: Study = {
  ...STUDY,
  version: 1,
  steps: STUDY.steps.map((s) => (s.id === 'age' ? { ...s, label: `${s.label} (old)` } : s)),
};

export const CREATED_AT = '2026-11-30T12:00:00.000Z';

export const PROVENANCE = [{ name: 'Cancerregistret 2019–2023', publisher: 'Socialstyrelsen', periodFrom: '2019', periodTo: '2023', sha256: 'a'.repeat(64), synthetic: false }];

export function answer(unit: string, regions: CountyCode[], values: RegionValues, options: { study?: Study; policy?: DisclosurePolicy; regionBasis?: 'residence' | 'care'; request?: { reference: string; title: string }; auditHead?: { seq: number; hash: string } } = {}): AnswerFile {
  return createAnswerFile({
    unit: { name: unit },
    regions,
    study: options.study ?? STUDY,
    ...(options.request ? { request: options.request } : {}),
    estimate: makeEstimate(values),
    basis: { unit: 'persons', kind: 'incident', regionBasis: options.regionBasis ?? 'residence' },
    policy: options.policy ?? DISCLOSURE_PRESETS.ohdsi,
    provenance: PROVENANCE,
    createdAt: CREATED_AT,
    ...(options.auditHead ? { auditHead: options.auditHead } : {}),
  });
}

/** Forum Söder: Kronoberg 40, Blekinge 3 (hidden as "<5"), Skåne 200. */
export const SODER = (): AnswerFile => answer('Forum Söder', ['07', '10', '12'], { '07': 40, '10': 3, '12': 200 });
/** Gothia Forum: Halland 50, Västra Götaland 300, and Skåne 210 — which Forum Söder also answers for. */
export const GOTHIA = (): AnswerFile => answer('Gothia Forum', ['12', '13', '14'], { '12': 210, '13': 50, '14': 300 });
/** Forum Norr on the older criteria version. */
export const NORR_OLD = (): AnswerFile => answer('Forum Norr', ['22', '23', '24', '25'], { '22': 30, '23': 20, '24': 60, '25': 40 }, { study: OLDER_STUDY });
