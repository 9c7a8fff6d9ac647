/** 2 000 random letters of small counts under OHDSI k = 5: the exact auditor refuses none (see random-letters.ts). */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { auditRandomLetters, problemsOf, RANDOM_LETTERS, RANDOM_LETTERS_TIMEOUT } from './random-letters';

describe('random letters of small counts, OHDSI k = 5', () => {
  it(`${RANDOM_LETTERS} letters, each with the answer file, its compilation and the sponsor view: no hidden value narrows into a protected range`, async () => {
    const report = await auditRandomLetters(DISCLOSURE_PRESETS.ohdsi);
    console.info(`OHDSI k = 5: ${RANDOM_LETTERS} letters in ${report.milliseconds} ms; ${report.withSmall} with small values, ${report.withSecondary} with values hidden to protect others, ${report.solved} needing the solver`);
    expect(problemsOf(report)).toEqual([]);
  }, RANDOM_LETTERS_TIMEOUT);
});
