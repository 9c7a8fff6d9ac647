/**
 * The audit trail as a hash chain: every entry carries the hash of the entry before it, and its own hash covers
 * its content and that link. Altering, inserting or removing an entry breaks the chain at that point; removing
 * the newest entries is caught by comparing against the separately stored head. Pure, so the renderer, the CLI
 * (`antal verify`) and tests check the same way.
 */
import { stableStringify } from '../utils/stable-json';
import { sha256Hex } from '../utils/sha256';

export const AUDIT_KINDS = [
  'import',
  'edit',
  'estimate',
  'letter-export',
  'settings',
  'policy',
  'backup',
  'restore',
  'request',
  'version',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON-compatible details (no typed arrays, no undefined inside arrays, finite numbers only). */
export type AuditDetails = Readonly<Record<string, unknown>>;

export interface AuditInput {
  kind: AuditKind;
  requestId?: string;
  /** One human-readable line: what happened. */
  summary: string;
  details?: AuditDetails;
  /** Who did it (the request owner or the unit profile's name), when known. */
  actor?: string;
}

export interface AuditEntry extends AuditInput {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** ISO timestamp. */
  at: string;
  prevHash: string;
  hash: string;
}

/** The newest entry's position and hash, kept apart from the entries so that truncation is detectable. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === 'string' && (AUDIT_KINDS as readonly string[]).includes(value);
}

/** The hash of an entry: SHA-256 of the canonical JSON of everything except the hash itself. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, kind, requestId, summary, details, actor, prevHash } = entry;
  return sha256Hex(stableStringify({ seq, at, kind, requestId, summary, details, actor, prevHash }));
}

/** The next entry after `previous` (or the first one when there is none). */
export function nextAuditEntry(previous: AuditHead | undefined, input: AuditInput, at: Date): AuditEntry {
  const base: Omit<AuditEntry, 'hash'> = {
    seq: (previous?.seq ?? 0) + 1,
    at: at.toISOString(),
    kind: input.kind,
    ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
    summary: input.summary,
    ...(input.details !== undefined ? { details: input.details } : {}),
    ...(input.actor !== undefined ? { actor: input.actor } : {}),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...base, hash: hashAuditEntry(base) };
}

export type AuditProblem =
  /** The stored hash does not match the entry's content: the entry was altered. */
  | 'altered'
  /** The entry does not link to the hash of the entry before it: an entry before it was removed or replaced. */
  | 'broken-link'
  /** The sequence numbers jump: entries were removed. */
  | 'missing-entries'
  /** The log ends before the recorded head: the newest entries were removed. */
  | 'truncated';

export type AuditVerification =
  | { ok: true; count: number; head: AuditHead | undefined }
  | { ok: false; count: number; problem: AuditProblem; /** The first bad entry's seq (for 'truncated': the missing head's). */ seq: number };

/**
 * Checks a log given oldest first. Reports the first bad entry; `head`, when known, must match the last entry.
 */
export function verifyAuditChain(entries: readonly AuditEntry[], head?: AuditHead): AuditVerification {
  let previous: AuditHead | undefined;
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { ok: false, count: entries.length, problem: 'missing-entries', seq: entry.seq };
    if (hashAuditEntry(entry) !== entry.hash) return { ok: false, count: entries.length, problem: 'altered', seq: entry.seq };
    if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) return { ok: false, count: entries.length, problem: 'broken-link', seq: entry.seq };
    previous = { seq: entry.seq, hash: entry.hash };
  }
  if (head && (previous?.seq ?? 0) < head.seq) return { ok: false, count: entries.length, problem: 'truncated', seq: head.seq };
  if (head && previous && previous.seq === head.seq && previous.hash !== head.hash) {
    return { ok: false, count: entries.length, problem: 'altered', seq: head.seq };
  }
  return { ok: true, count: entries.length, head: previous };
}
