/**
 * The audit trail in the database: append-only and hash-chained (shared/audit/chain.ts). Every entry is written
 * here, in one transaction with the stored head, so that the chain and the head always agree.
 *
 * Calling appendAudit inside your own Dexie transaction: include `...auditTables(db)` in its table list.
 */
import {
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type AuditVerification,
  nextAuditEntry,
  verifyAuditChain,
} from '../../../shared/audit/chain';
import type { AntalDatabase } from './database';
import { AUDIT_HEAD_KEY } from './setting-keys';
import { isAuditHead } from '../../../shared/audit/anchor';

export type { AuditEntry, AuditInput, AuditVerification } from '../../../shared/audit/chain';

/** Settings key of the newest entry's seq and hash. */
export { AUDIT_HEAD_KEY };

export function auditTables(db: AntalDatabase) {
  return [db.audit, db.settings];
}

/** Appends one entry after the current newest one and moves the head. */
export async function appendAudit(db: AntalDatabase, input: AuditInput, now: Date = new Date()): Promise<AuditEntry> {
  return db.transaction('rw', auditTables(db), async () => {
    const last = await db.audit.orderBy('seq').last();
    const previous: AuditHead | undefined = last ? { seq: last.seq, hash: last.hash } : undefined;
    const entry = nextAuditEntry(previous, input, now);
    await db.audit.add(entry);
    await db.settings.put({ key: AUDIT_HEAD_KEY, value: { seq: entry.seq, hash: entry.hash } satisfies AuditHead });
    return entry;
  });
}

/**
 * The stored head (newest entry's seq and hash), or undefined when nothing was ever logged. Letters, answer files and
 * backups carry it as an anchor of the trail outside the database (shared/audit/anchor.ts).
 */
export async function currentAuditHead(db: AntalDatabase): Promise<AuditHead | undefined> {
  const value = (await db.settings.get(AUDIT_HEAD_KEY))?.value;
  return isAuditHead(value) ? { seq: value.seq, hash: value.hash } : undefined;
}

/**
 * The head as stored, unchecked, for the chain's verification and the trail's export: both must show a damaged head
 * as it is rather than leave it out.
 */
export async function storedAuditHead(db: AntalDatabase): Promise<AuditHead | undefined> {
  return (await db.settings.get(AUDIT_HEAD_KEY))?.value as AuditHead | undefined;
}

/** Checks the whole trail; on failure names the first bad entry's seq and what is wrong with it. */
export async function verifyAudit(db: AntalDatabase): Promise<AuditVerification> {
  return db.transaction('r', auditTables(db), async () => {
    const entries = await db.audit.orderBy('seq').toArray();
    return verifyAuditChain(entries, await storedAuditHead(db));
  });
}
