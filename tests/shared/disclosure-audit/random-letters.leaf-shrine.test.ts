/**
 * 2 000 random letters of small counts under Leaf/SHRINE ≤ 10: the exact auditor refuses none but one known answer
 * (see random-letters.ts).
 *
 * Answer 1223 of seed 20261207 is a known gap of the discloser, kept here as a regression case: its letter prints
 * Jämtland Härjedalen's point as "≤10", and the regional sums, the healthcare regions, the nation, the printed 78 %
 * Halland split and the attrition together pin it to 7–10. The export refuses that letter (nothing leaks: the
 * auditor runs at every export and names the cell); the discloser should have hidden one more value instead. When
 * the discloser is fixed this test fails on the expected refusal — then delete the exception.
 */
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { auditRandomLetters, problemsOf, RANDOM_LETTERS, RANDOM_LETTERS_TIMEOUT } from './random-letters';

const KNOWN_REFUSED = 1223;

describe('random letters of small counts, Leaf/SHRINE ≤ 10', () => {
  it(`${RANDOM_LETTERS} letters, each with the answer file, its compilation and the sponsor view: no hidden value narrows into a protected range (one known refusal)`, async () => {
    const report = await auditRandomLetters(DISCLOSURE_PRESETS['leaf-shrine']);
    console.info(`Leaf/SHRINE ≤ 10: ${RANDOM_LETTERS} letters in ${report.milliseconds} ms; ${report.withSmall} with small values, ${report.withSecondary} with values hidden to protect others, ${report.solved} needing the solver`);
    const known = report.refused.filter((r) => r.index === KNOWN_REFUSED);
    expect(known.map((r) => r.findings.join(' '))).toEqual([expect.stringContaining('Jämtland')]);
    expect(problemsOf({ ...report, refused: report.refused.filter((r) => r.index !== KNOWN_REFUSED) })).toEqual([]);
  }, RANDOM_LETTERS_TIMEOUT);
});
