// The audit trail's anchors and the full list of its problems (shared/audit/anchor.ts), on hand-built chains: every
// problem is found (not only the first), a trail is held against an anchor from outside it, and the anchor's text
// form (the letter's PDF metadata) reads back.
import { describe, expect, it } from 'vitest';
import { compareTrailWithAnchor, formatAuditAnchor, isAuditHead, listAuditProblems, parseAuditAnchor } from '../../../shared/audit/anchor';
import { nextAuditEntry, verifyAuditChain, type AuditEntry } from '../../../shared/audit/chain';

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const previous = entries.at(-1);
    entries.push(nextAuditEntry(previous ? { seq: previous.seq, hash: previous.hash } : undefined, { kind: 'edit', summary: `ändring ${i + 1}` }, new Date(Date.UTC(2026, 0, 1, i))));
  }
  return entries;
}
const head = (e: AuditEntry) => ({ seq: e.seq, hash: e.hash });

describe('listAuditProblems', () => {
  it('an intact trail with its head has none', () => {
    const trail = chain(6);
    expect(listAuditProblems(trail, head(trail[5]!))).toEqual([]);
    expect(listAuditProblems([], undefined)).toEqual([]);
  });

  it('lists every problem where verifyAuditChain names only the first', () => {
    const trail = chain(8);
    // Entry 2 altered, entry 5 removed, the newest (8) removed while the head still names it.
    const damaged = trail.filter((e) => e.seq !== 5 && e.seq !== 8).map((e) => (e.seq === 2 ? { ...e, summary: 'ändrad' } : e));
    expect(verifyAuditChain(damaged, head(trail[7]!))).toMatchObject({ ok: false, problem: 'altered', seq: 2 });
    expect(listAuditProblems(damaged, head(trail[7]!))).toEqual([
      { problem: 'altered', seq: 2 },
      { problem: 'missing-entries', seq: 6 },
      { problem: 'truncated', seq: 8 },
    ]);
  });

  it('a replaced entry breaks the link of the next one; a duplicate and a trail beyond its head are named', () => {
    const trail = chain(5);
    const other = nextAuditEntry(head(trail[1]!), { kind: 'edit', summary: 'inskjuten' }, new Date(Date.UTC(2026, 0, 9)));
    // A new, self-consistent entry 3: entry 4 still links to the old entry 3.
    const replaced = trail.map((e) => (e.seq === 3 ? other : e));
    expect(listAuditProblems(replaced, head(trail[4]!))).toEqual([{ problem: 'broken-link', seq: 4 }]);
    expect(listAuditProblems([...trail.slice(0, 3), trail[2]!, ...trail.slice(3)], head(trail[4]!))).toEqual([{ problem: 'out-of-order', seq: 3 }]);
    expect(listAuditProblems(trail, head(trail[2]!))).toEqual([{ problem: 'beyond-head', seq: 5 }]);
    expect(listAuditProblems(trail, { seq: 5, hash: '0'.repeat(64) })).toEqual([{ problem: 'altered', seq: 5 }]);
  });
});

describe('anchors', () => {
  const trail = chain(5);

  it('a trail that still has the anchor\'s entry matches it; a shorter or rewritten one does not', () => {
    expect(compareTrailWithAnchor(trail, head(trail[3]!))).toEqual({ ok: true });
    expect(compareTrailWithAnchor(trail.slice(0, 2), head(trail[3]!))).toEqual({ ok: false, problem: 'trail-shorter', trailEnd: 2 });
    expect(compareTrailWithAnchor([], head(trail[0]!))).toEqual({ ok: false, problem: 'trail-shorter', trailEnd: 0 });
    const rewritten = chain(5).map((e) => e);
    rewritten[3] = { ...rewritten[3]!, hash: 'f'.repeat(64) };
    expect(compareTrailWithAnchor(rewritten, head(trail[3]!))).toEqual({ ok: false, problem: 'entry-differs', seq: 4, found: 'f'.repeat(64) });
  });

  it('reads back its one-line form and refuses anything else', () => {
    const anchor = head(trail[4]!);
    expect(formatAuditAnchor(anchor)).toBe(`5 ${anchor.hash}`);
    expect(parseAuditAnchor(formatAuditAnchor(anchor))).toEqual(anchor);
    for (const bad of ['', '5', `0 ${anchor.hash}`, `-1 ${anchor.hash}`, `5 ${anchor.hash.toUpperCase()}`, `5 ${anchor.hash.slice(1)}`, `5.5 ${anchor.hash}`]) expect(parseAuditAnchor(bad), bad).toBeNull();
    expect(isAuditHead({ seq: 1, hash: anchor.hash })).toBe(true);
    expect(isAuditHead({ seq: 1, hash: anchor.hash, extra: 1 })).toBe(false);
    expect(isAuditHead({ seq: 0, hash: anchor.hash })).toBe(false);
  });
});
