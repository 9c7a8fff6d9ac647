/**
 * The faster secondary-suppression optimiser decides exactly as the one it replaced (kept verbatim in
 * suppress-reference.ts): on seeded random answers of small counts under every preset — the answers of the
 * auditor's property test — both hide the same values. The auditor's property test then covers the faster one.
 */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { suppressionProblemOf } from '../../../shared/disclosure/disclose-answer';
import { chooseSuppression } from '../../../shared/disclosure/suppress';
import { randomAnswer } from '../disclosure-audit/random-answers';
import { chooseSuppression as referenceSuppression } from './suppress-reference';

const ANSWERS = 8;
const SEED = 20261207;

describe('the faster suppression optimiser', () => {
  for (const id of ['ohdsi', 'leaf-shrine', 'pcornet-act'] as const) {
    it(`hides the same values as the reference on ${ANSWERS} random answers (${id})`, () => {
      const policy = DISCLOSURE_PRESETS[id];
      let hiddenAnywhere = 0;
      for (let i = 0; i < ANSWERS; i++) {
        const { estimate, hallandRule, snapshot } = randomAnswer(SEED, i, policy);
        const problem = suppressionProblemOf(estimate, policy, { hallandRule, recruitingRegions: snapshot.study.recruitment.sites.map((s) => s.region) });
        const fast = chooseSuppression(problem).hidden;
        const reference = referenceSuppression(problem).hidden;
        expect(fast, `answer ${i}`).toEqual(reference);
        hiddenAnywhere += fast.filter(Boolean).length;
      }
      // The answers do need secondary suppression (else the comparison would be empty).
      expect(hiddenAnywhere).toBeGreaterThan(ANSWERS);
    }, 120_000);
  }
});
