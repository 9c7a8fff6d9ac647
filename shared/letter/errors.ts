/**
 * The ways a letter can be refused, apart from the code that makes letters: the app's page names them (and
 * rebuilds them from the letter worker's replies) without loading the PDF engine or the disclosure auditor.
 */
import type { AuditFinding } from '../disclosure-audit';
import { LetterGlyphError, type MissingGlyph } from './glyph-error.mjs';

export { LetterGlyphError, type MissingGlyph };

/** The export is refused: the printed figures would let a reader narrow a hidden value. */
export class LetterDisclosureError extends Error {
  constructor(readonly findings: AuditFinding[]) {
    super(`The letter was not produced: ${findings.map((f) => f.message.en).join(' ')}`.trim());
    this.name = 'LetterDisclosureError';
  }
}
