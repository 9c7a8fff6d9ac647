/**
 * The auditor's solver must give the true extreme of a value, not a confident wrong one. HiGHS's MIP presolve was
 * caught reporting "optimal: 7" for the lowest value of a "≤10" whose true lowest value is 0 — which made the
 * auditor refuse a safe letter (Leaf/SHRINE random answer 1223 of seed 20261207: Jämtland's "≤10" said to be
 * pinned to 7–10). The model below is that letter's part of the reader's model, cut down (rows dropped and values
 * fixed at a checked assignment) while the wrong answer stayed; every number in it is from that letter.
 */
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { MilpSession, type LpColumn, type LpRow } from '../../../shared/disclosure-audit/milp';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { prepareLetter } from '../../../shared/letter';
import { randomAnswer } from './random-answers';

const INF = Number.POSITIVE_INFINITY;

// Columns (whole numbers): the low, point and high of Västernorrland (22), Jämtland (23), Västerbotten (24), the
// Northern healthcare region (N), Sweden, and the points of the other healthcare regions, with the bounds the
// print and propagation give them.
const names = ['N.low', 'r22.low', 'r23.low', 'r24.low', 'nation.low', 'mellan.low', 'sydost.low', 'sodra.low', 'vastra.low', 'N.point', 'r22.point', 'r23.point', 'r24.point', 'sydost.point', 'sodra.point', 'vastra.point', 'r22.high', 'r23.high'] as const;
type Name = (typeof names)[number];
const bounds: Record<Name, [number, number]> = {
  'N.low': [19, 49],
  'r22.low': [0, 0],
  'r23.low': [0, 10],
  'r24.low': [0, 10],
  'nation.low': [201, 276],
  'mellan.low': [46, 46],
  'sydost.low': [12, 12],
  'sodra.low': [0, 67],
  'vastra.low': [0, 0],
  'N.point': [29, 59],
  'r22.point': [0, 10],
  'r23.point': [0, 10],
  'r24.point': [10, 10],
  'sydost.point': [12, 32],
  'sodra.point': [49, 49],
  'vastra.point': [10, 10],
  'r22.high': [0, 17],
  'r23.high': [0, 17],
};
const col = (n: Name) => names.indexOf(n);
const row = (terms: [Name, number][], lower: number, upper: number): LpRow => ({ entries: terms.map(([n, a]) => [col(n), a]), lower, upper });
const rows: LpRow[] = [
  // The Northern region's low and point: Västernorrland + Jämtland + Västerbotten + Norrbotten (printed 19 and 29).
  row([['N.low', 1], ['r22.low', -1], ['r23.low', -1], ['r24.low', -1]], 19, 19),
  row([['N.point', 1], ['r22.point', -1], ['r23.point', -1], ['r24.point', -1]], 29, 29),
  // Sweden's low = the healthcare regions' lows (Stockholm-Gotland's 124 moved to the bound).
  row([['nation.low', 1], ['N.low', -1], ['mellan.low', -1], ['sydost.low', -1], ['sodra.low', -1], ['vastra.low', -1]], 124, 124),
  // Sweden's point 331 = the healthcare regions' points (Central 85 and Stockholm-Gotland 126 moved to the bound).
  row([['N.point', -1], ['sydost.point', -1], ['sodra.point', -1], ['vastra.point', -1]], -120, -120),
  // Västernorrland's and Jämtland's highs: the Northern high 65 minus Västerbotten's 18 and Norrbotten's 30.
  row([['r22.high', -1], ['r23.high', -1]], -17, -17),
  // low ≤ point ≤ high.
  row([['r22.high', 1], ['r22.point', -1]], 0, INF),
  row([['r23.point', 1], ['r23.low', -1]], 0, INF),
  row([['r23.high', 1], ['r23.point', -1]], 0, INF),
];
const columns: LpColumn[] = names.map((n) => ({ lower: bounds[n][0], upper: bounds[n][1], integer: true }));

describe('the auditor’s mixed-integer solves', () => {
  it('find Jämtland’s true lowest point, 0, where HiGHS’s presolve claims 7', async () => {
    // By hand: Jämtland 0 forces nothing but N.point = 29 + Västernorrland + 0 + 10 ≤ 120 − 12 − 49 − 10 = 49, so
    // Västernorrland ≤ 10 — take 10 (its high 10, Jämtland's high 7 = 17 − 10, both ≥ their points). The lows
    // all 0 (N.low 19, Sweden 124 + 19 + 46 + 12 = 201). Every row holds:
    const witness: Record<Name, number> = { 'N.low': 19, 'r22.low': 0, 'r23.low': 0, 'r24.low': 0, 'nation.low': 201, 'mellan.low': 46, 'sydost.low': 12, 'sodra.low': 0, 'vastra.low': 0, 'N.point': 49, 'r22.point': 10, 'r23.point': 0, 'r24.point': 10, 'sydost.point': 12, 'sodra.point': 49, 'vastra.point': 10, 'r22.high': 10, 'r23.high': 7 };
    for (const n of names) expect(witness[n] >= bounds[n][0] && witness[n] <= bounds[n][1], n).toBe(true);
    for (const r of rows) {
      const sum = r.entries.reduce((s, [c, a]) => s + a * witness[names[c]!], 0);
      expect(sum >= r.lower && sum <= r.upper).toBe(true);
    }

    const highs = await highsLoader();
    const session = new MilpSession(highs, columns, rows);
    try {
      const lowest = session.minimize(new Map([[col('r23.point'), 1]]));
      expect(lowest.status).toBe('optimal');
      expect(lowest.status === 'optimal' && Math.round(lowest.objective)).toBe(0);
      const highest = session.minimize(new Map([[col('r23.point'), -1]]));
      expect(highest.status === 'optimal' && -Math.round(highest.objective)).toBe(10);
    } finally {
      session.dispose();
    }
  });

  it('so the letter of that answer is exported: a reader cannot narrow Jämtland’s "≤10"', async () => {
    const { snapshot } = randomAnswer(20261207, 1223, DISCLOSURE_PRESETS['leaf-shrine']);
    const { disclosed, audit } = await prepareLetter(snapshot);
    expect(disclosed.regions.find((r) => r.region === '23')!.texts.point).toBe('≤10');
    expect(audit.ok).toBe(true);
  }, 60_000);
});
