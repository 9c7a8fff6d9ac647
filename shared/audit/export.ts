/** The audit trail as a JSON document (for `antal verify` and archiving): the entries oldest first and the head. */
import type { AuditEntry, AuditHead } from './chain';

export const AUDIT_EXPORT_FORMAT = 'antal-audit';
export const AUDIT_EXPORT_VERSION = 1;

export interface AuditExport {
  format: typeof AUDIT_EXPORT_FORMAT;
  version: typeof AUDIT_EXPORT_VERSION;
  /** ISO timestamp of the export. */
  exportedAt: string;
  head: AuditHead | null;
  entries: AuditEntry[];
}

export function auditExport(entries: readonly AuditEntry[], head: AuditHead | undefined, at: Date): AuditExport {
  return { format: AUDIT_EXPORT_FORMAT, version: AUDIT_EXPORT_VERSION, exportedAt: at.toISOString(), head: head ?? null, entries: [...entries] };
}

/** Reads an exported trail back; throws with the reason when the document is not one. */
export function parseAuditExport(text: string): AuditExport {
  const doc = JSON.parse(text) as Partial<AuditExport>;
  if (doc.format !== AUDIT_EXPORT_FORMAT) throw new Error(`not an Antal audit export (format is ${JSON.stringify(doc.format)})`);
  if (doc.version !== AUDIT_EXPORT_VERSION) throw new Error(`unsupported audit export version ${JSON.stringify(doc.version)}`);
  if (!Array.isArray(doc.entries)) throw new Error('the audit export has no entries list');
  return doc as AuditExport;
}
