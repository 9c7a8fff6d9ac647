// Messages between the letter panel and the letter worker (letter.worker.ts).
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import type { DisclosureViolation } from '../../../shared/disclosure';

export interface RenderRequest {
  id: number;
  snapshot: AnswerSnapshot;
}

export type RenderReply =
  | { id: number; type: 'pdf'; bytes: Uint8Array }
  | { id: number; type: 'disclosure'; violations: DisclosureViolation[] }
  | { id: number; type: 'error'; message: string };
