/**
 * The value picker as a tree: which lines show with groups open or closed, what a search opens, and what each key
 * does (the WAI-ARIA tree pattern). The data: three drugs in 2020 (C02AC02 Guanfacin, N06BA04 Metylfenidat, N06BA12
 * Lisdexamfetamin), so the ATC hierarchy is C → C02 → C02A → C02AC → C02AC02 and N → N06 → N06B → N06BA → the two
 * substances; counts are the hand sums of the rows (N06BA: 140 + 30 = 170).
 */
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../shared/counts/builder';
import { valueCatalogue } from '../../../shared/answer/value-catalogue';
import { OPEN_TREE_NODES, treeKey, treeRows, type TreeRow } from '../../../renderer/src/study/value-options';
import { exact } from '../../shared/helpers';

function catalogueOf(drugs: [string, number][], extraKey = 'lakemedel') {
  const b = new DatasetBuilder({
    id: 'drugs',
    name: 'Drugs',
    basis: { unit: 'persons', kind: 'prevalent', regionBasis: 'residence' },
    provenance: { publisher: 'test', synthetic: false, sha256: 'd', periodFrom: '2020', periodTo: '2020', notes: [], maskTokens: {} },
    dimensions: [
      { key: 'year', role: 'period' },
      { key: extraKey, role: 'extra', label: 'Läkemedel' },
      { key: 'region', role: 'region' },
    ],
  });
  for (const [drug, n] of drugs) b.add(['2020', drug, '01'], exact(n));
  return valueCatalogue([b.build()])[0]!;
}

const drug = catalogueOf([
  ['C02AC02 Guanfacin', 7],
  ['N06BA04 Metylfenidat', 140],
  ['N06BA12 Lisdexamfetamin', 30],
]);
const none = new Map<string, boolean>();
const shown = (rows: TreeRow[]) => rows.map((r) => `${'  '.repeat(r.level - 1)}${r.code}${r.expandable ? (r.expanded ? ' -' : ' +') : ''}`);

describe('the value tree', () => {
  it('a small hierarchy starts open, with levels, sibling positions and counts', () => {
    const rows = treeRows(drug, '', none);
    expect(shown(rows)).toEqual(['C -', '  C02 -', '    C02A -', '      C02AC -', '        C02AC02', 'N -', '  N06 -', '    N06B -', '      N06BA -', '        N06BA04', '        N06BA12']);
    const n06ba = rows.find((r) => r.code === 'N06BA')!;
    expect([n06ba.count.point, n06ba.values.length, n06ba.parentId]).toEqual([170, 2, 'N06B']);
    expect(rows.filter((r) => r.parentId === 'N06BA').map((r) => [r.code, r.posInSet, r.setSize])).toEqual([
      ['N06BA04', 1, 2],
      ['N06BA12', 2, 2],
    ]);
    expect(rows.filter((r) => r.level === 1).map((r) => [r.code, r.posInSet, r.setSize])).toEqual([
      ['C', 1, 2],
      ['N', 2, 2],
    ]);
  });

  it('closing a group hides everything below it; opening it again shows it', () => {
    expect(shown(treeRows(drug, '', new Map([['N06B', false]])))).toEqual(['C -', '  C02 -', '    C02A -', '      C02AC -', '        C02AC02', 'N -', '  N06 -', '    N06B +']);
    expect(shown(treeRows(drug, '', new Map([['N', false], ['C', false]])))).toEqual(['C +', 'N +']);
  });

  it('a large hierarchy starts closed at its roots', () => {
    // OPEN_TREE_NODES substances under N06BA: with N, N06, N06B and N06BA above them, more nodes than open by default.
    const many: [string, number][] = Array.from({ length: OPEN_TREE_NODES }, (_, i) => [`N06BA${String(i + 10).padStart(2, '0')} Ämne ${i}`, 1]);
    const rows = treeRows(catalogueOf(many), '', none);
    expect(shown(rows)).toEqual(['N +']);
  });

  it('a search shows the matches in their place with the lines above open; a matching group opened shows its values', () => {
    expect(shown(treeRows(drug, 'metylfenidat', none))).toEqual(['N -', '  N06 -', '    N06B -', '      N06BA -', '        N06BA04']);
    const rows = treeRows(drug, 'metylfenidat', none);
    expect(rows.map((r) => r.match)).toEqual([false, false, false, false, true]);
    // By code: N06BA matches, and so does everything it starts.
    expect(shown(treeRows(drug, 'n06ba', none))).toEqual(['N -', '  N06 -', '    N06B -', '      N06BA -', '        N06BA04', '        N06BA12']);
    // A search for a group's name: the group shown closed (nothing below it matches), opened by the user: all of it.
    const guan = catalogueOf([['C02AC02 Guanfacin', 7], ['C02AC01 Klonidin', 3]]);
    expect(shown(treeRows(guan, 'klonidin', none))).toEqual(['C -', '  C02 -', '    C02A -', '      C02AC -', '        C02AC01']);
    expect(shown(treeRows(guan, 'C02AC', new Map()))).toEqual(['C -', '  C02 -', '    C02A -', '      C02AC -', '        C02AC01', '        C02AC02']);
    expect(shown(treeRows(guan, 'klonidin', new Map([['C02AC', true]])))).toEqual(['C -', '  C02 -', '    C02A -', '      C02AC -', '        C02AC01', '        C02AC02']);
    expect(treeRows(drug, 'insulin', none)).toEqual([]);
  });

  it('keys: down/up move, right opens then enters, left closes then goes to the parent, Home/End go to the ends', () => {
    const rows = treeRows(drug, '', none);
    const at = (code: string) => rows.findIndex((r) => r.code === code);
    expect(treeKey(rows, at('N06BA'), 'ArrowDown')).toEqual({ active: at('N06BA04') });
    expect(treeKey(rows, at('N'), 'ArrowUp')).toEqual({ active: at('C02AC02') });
    // An open group: right moves to its first child; left closes it.
    expect(treeKey(rows, at('N06BA'), 'ArrowRight')).toEqual({ active: at('N06BA04') });
    expect(treeKey(rows, at('N06BA'), 'ArrowLeft')).toEqual({ active: at('N06BA'), toggle: { id: 'N06BA', open: false } });
    // A leaf: right does nothing, left goes to its group.
    expect(treeKey(rows, at('N06BA12'), 'ArrowRight')).toEqual({ active: at('N06BA12') });
    expect(treeKey(rows, at('N06BA12'), 'ArrowLeft')).toEqual({ active: at('N06BA') });
    // A root's left stays.
    const closed = treeRows(drug, '', new Map([['N', false]]));
    const n = closed.findIndex((r) => r.code === 'N');
    expect(treeKey(closed, n, 'ArrowLeft')).toEqual({ active: n });
    expect(treeKey(closed, n, 'ArrowRight')).toEqual({ active: n, toggle: { id: 'N', open: true } });
    expect(treeKey(rows, 5, 'Home')).toEqual({ active: 0 });
    expect(treeKey(rows, 0, 'End')).toEqual({ active: rows.length - 1 });
  });

  it('a dimension without codes is one level of values', () => {
    const stage = catalogueOf([['Stadium I', 4], ['Stadium II', 9]], 'stadium');
    const rows = treeRows(stage, '', none);
    expect(rows.map((r) => [r.code, r.level, r.expandable, r.posInSet, r.setSize])).toEqual([
      ['Stadium I', 1, false, 1, 2],
      ['Stadium II', 1, false, 2, 2],
    ]);
  });
});
