// Messages between the letter panel and the letter worker (letter.worker.ts).
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import type { AuditFinding } from '../../../shared/disclosure-audit';
import type { MissingGlyph } from '../../../shared/letter/glyph-error.mjs';

export interface RenderRequest {
  id: number;
  snapshot: AnswerSnapshot;
}

export type RenderReply =
  | { id: number; type: 'pdf'; bytes: Uint8Array }
  | { id: number; type: 'disclosure'; findings: AuditFinding[] }
  | { id: number; type: 'glyph'; missing: MissingGlyph[] }
  | { id: number; type: 'error'; message: string };
