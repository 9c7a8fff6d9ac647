/**
 * Anchoring the audit trail outside the database.
 *
 * The hash chain (chain.ts) shows any change *inside* the trail, and the stored head shows the newest entries
 * being cut off — but both live in the same database (and the same backup file). Whoever removes the newest
 * entries together with the head, or the whole audit table, leaves a trail that verifies. So every artefact that
 * leaves the unit — each letter (its snapshot, and the PDF's metadata), each answer file, each backup's header —
 * carries the audit head (sequence number and hash) as it was when it was made. Those copies are out of reach:
 * the sponsor has the letter, the node has the answer file. A trail that is shorter than one of them, or whose
 * entry at that number has another hash, was cut or rewritten after that artefact was made.
 *
 * Pure, so the renderer, the CLI (`antal verify`) and tests check the same way.
 */
import { type AuditEntry, type AuditHead, type AuditProblem, GENESIS_HASH, hashAuditEntry } from './chain';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A well-formed head: a positive whole sequence number and a lower-case hex SHA-256. */
export function isAuditHead(value: unknown): value is AuditHead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const head = value as Record<string, unknown>;
  return Object.keys(head).every((key) => key === 'seq' || key === 'hash') && typeof head['seq'] === 'number' && Number.isSafeInteger(head['seq']) && head['seq'] >= 1 && typeof head['hash'] === 'string' && SHA256_HEX.test(head['hash']);
}

/** `"42 9f86…"`: the head as one line of text (the letter's PDF metadata carries it so). */
export function formatAuditAnchor(head: AuditHead): string {
  return `${head.seq} ${head.hash}`;
}

export function parseAuditAnchor(text: string): AuditHead | null {
  const match = /^(\d{1,15}) ([0-9a-f]{64})$/.exec(text.trim());
  if (!match) return null;
  const head = { seq: Number(match[1]), hash: match[2]! };
  return isAuditHead(head) ? head : null;
}

export type AnchorComparison =
  | { ok: true }
  /** The trail ends before the anchor's entry: cut (or the trail is older than the artefact). */
  | { ok: false; problem: 'trail-shorter'; trailEnd: number }
  /** The trail has the anchor's entry, but with another hash: rewritten from there on. */
  | { ok: false; problem: 'entry-differs'; seq: number; found: string };

/** Does this trail contain the entry the artefact was anchored to? `entries` in any order. */
export function compareTrailWithAnchor(entries: readonly AuditEntry[], anchor: AuditHead): AnchorComparison {
  const entry = entries.find((e) => e.seq === anchor.seq);
  if (!entry) {
    const trailEnd = entries.reduce((end, e) => Math.max(end, e.seq), 0);
    return { ok: false, problem: 'trail-shorter', trailEnd };
  }
  return entry.hash === anchor.hash ? { ok: true } : { ok: false, problem: 'entry-differs', seq: anchor.seq, found: entry.hash };
}

export type AuditFindingProblem =
  | AuditProblem
  /** Two entries with the same number, or numbers out of order. */
  | 'out-of-order'
  /** The trail goes on past the stored head: entries were added without moving the head, or the head was moved back. */
  | 'beyond-head';

export interface AuditFinding {
  problem: AuditFindingProblem;
  /** The entry concerned (for 'truncated': the stored head's seq; for 'beyond-head': the trail's last entry). */
  seq: number;
}

/**
 * Every problem in a trail, not only the first (verifyAuditChain stops at the first; a report of what was done to
 * a file should list everything). `entries` oldest first, as stored; `head` the stored head, when there is one.
 */
export function listAuditProblems(entries: readonly AuditEntry[], head?: AuditHead): AuditFinding[] {
  const findings: AuditFinding[] = [];
  let previous: AuditHead | undefined;
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (previous && entry.seq <= previous.seq) {
      findings.push({ problem: 'out-of-order', seq: entry.seq });
      continue;
    }
    const gap = entry.seq !== expectedSeq;
    if (gap) findings.push({ problem: 'missing-entries', seq: entry.seq });
    if (hashAuditEntry(entry) !== entry.hash) findings.push({ problem: 'altered', seq: entry.seq });
    // After a gap the link cannot match (its predecessor is missing); that is the same problem, said once.
    else if (!gap && entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) findings.push({ problem: 'broken-link', seq: entry.seq });
    previous = { seq: entry.seq, hash: entry.hash };
  }
  if (head) {
    const last = previous?.seq ?? 0;
    if (last < head.seq) findings.push({ problem: 'truncated', seq: head.seq });
    else if (last > head.seq) findings.push({ problem: 'beyond-head', seq: last });
    else if (previous && previous.hash !== head.hash) findings.push({ problem: 'altered', seq: head.seq });
  }
  return findings;
}
