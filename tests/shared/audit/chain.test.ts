// The audit chain: each entry links to the previous hash; altering, removing or truncating is detected and the
// first bad entry is named.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, GENESIS_HASH, hashAuditEntry, nextAuditEntry, verifyAuditChain } from '../../../shared/audit/chain';
import { AntalDatabase } from '../../../renderer/src/db/database';
import { appendAudit, verifyAudit } from '../../../renderer/src/db/audit';

function chain(summaries: string[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  summaries.forEach((summary, i) => {
    const prev = out.at(-1);
    out.push(nextAuditEntry(prev && { seq: prev.seq, hash: prev.hash }, { kind: 'edit', summary }, new Date(Date.UTC(2026, 0, 1, 0, i))));
  });
  return out;
}

describe('audit chain (pure)', () => {
  it('links the first entry to the genesis hash and each later entry to the one before', () => {
    const [a, b] = chain(['one', 'two']);
    expect(a!.seq).toBe(1);
    expect(a!.prevHash).toBe(GENESIS_HASH);
    expect(b!.prevHash).toBe(a!.hash);
    expect(a!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyAuditChain([a!, b!], { seq: 2, hash: b!.hash })).toEqual({ ok: true, count: 2, head: { seq: 2, hash: b!.hash } });
  });

  it('names an altered entry', () => {
    const entries = chain(['a', 'b', 'c', 'd']);
    entries[2] = { ...entries[2]!, summary: 'something else' };
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, problem: 'altered', seq: 3 });
  });

  it('names the entry after a removed one', () => {
    const entries = chain(['a', 'b', 'c', 'd']);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, problem: 'missing-entries', seq: 3 });
  });

  it('catches a removed and renumbered entry through the broken link, even when the rest was rehashed', () => {
    const entries = chain(['a', 'b', 'c']);
    const forged = { ...entries[2]!, seq: 2 };
    const rehashed = { ...forged, hash: hashAuditEntry(forged) };
    expect(verifyAuditChain([entries[0]!, rehashed])).toMatchObject({ ok: false, problem: 'broken-link', seq: 2 });
  });

  it('catches removal of the newest entries by the stored head', () => {
    const entries = chain(['a', 'b', 'c']);
    expect(verifyAuditChain(entries.slice(0, 2), { seq: 3, hash: entries[2]!.hash })).toMatchObject({ ok: false, problem: 'truncated', seq: 3 });
  });

  it('property: changing any one entry\'s summary is always detected at exactly that entry', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 12 }), fc.nat(), fc.string(), (summaries, pick, replacement) => {
        const entries = chain(summaries);
        const at = pick % entries.length;
        fc.pre(entries[at]!.summary !== replacement);
        entries[at] = { ...entries[at]!, summary: replacement };
        const result = verifyAuditChain(entries);
        return !result.ok && result.seq === at + 1;
      }),
    );
  });
});

describe('audit trail in the database', () => {
  let counter = 0;
  const dbs: AntalDatabase[] = [];
  const freshDb = () => {
    const db = new AntalDatabase(`antal-audit-${process.pid}-${counter++}`);
    dbs.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  it('appends chained entries and verifies OK', async () => {
    const db = freshDb();
    const first = await appendAudit(db, { kind: 'request', requestId: 'r1', summary: 'Request created' }, new Date('2026-03-01T10:00:00Z'));
    const second = await appendAudit(db, { kind: 'settings', summary: 'Language: en', details: { language: 'en' } }, new Date('2026-03-01T10:05:00Z'));
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 2 });
  });

  it('fails and names the first bad entry when an entry is edited in the database', async () => {
    const db = freshDb();
    for (const summary of ['Created', 'Owner: Anna', 'Status: answered', 'Version 1 saved']) {
      await appendAudit(db, { kind: 'request', requestId: 'r1', summary }, new Date('2026-03-01T10:00:00Z'));
    }
    await db.audit.update(2, { summary: 'Owner: Bertil' });
    await db.audit.update(3, { summary: 'Status: archived' });
    expect(await verifyAudit(db)).toMatchObject({ ok: false, problem: 'altered', seq: 2 });
  });

  it('fails when the newest entry is deleted from the database', async () => {
    const db = freshDb();
    await appendAudit(db, { kind: 'backup', summary: 'Backup written' });
    await appendAudit(db, { kind: 'restore', summary: 'Backup restored' });
    await db.audit.delete(2);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, problem: 'truncated', seq: 2 });
  });
});

describe('audit export', () => {
  it('round-trips through JSON and still verifies; a foreign document is refused with the reason', async () => {
    const { auditExport, parseAuditExport } = await import('../../../shared/audit/export');
    const entries = chain(['a', 'b']);
    const doc = parseAuditExport(JSON.stringify(auditExport(entries, { seq: 2, hash: entries[1]!.hash }, new Date('2026-03-01T00:00:00Z'))));
    expect(verifyAuditChain(doc.entries, doc.head ?? undefined)).toMatchObject({ ok: true, count: 2 });
    expect(() => parseAuditExport('{"format":"other"}')).toThrow('not an Antal audit export');
  });
});
