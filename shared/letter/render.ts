/**
 * From an answer snapshot to the letter's PDF bytes, with disclosure control built in:
 *
 *   snapshot ─ discloseAnswer ─► printed figures ─ checkDisclosure (independent) ─► letter model ─► pdfmake ─► bytes
 *
 * Nothing but disclosed figures reaches the model, and if the independent checker can narrow any hidden value
 * below what the policy allows, no letter is produced: `LetterDisclosureError` names every such cell. The same
 * snapshot always yields the same bytes (metadata from the snapshot, fonts and engine fixed; see pdf-engine.mjs).
 */
import type { AnswerSnapshot } from '../answer/snapshot';
import { checkDisclosure, discloseAnswer, printedTableOf, type DisclosedAnswer, type DisclosureViolation } from '../disclosure';
import { letterFiguresFrom } from './disclosed-figures';
import { letterDocument, type PdfDocDefinition } from './document';
import { buildLetterModel, type LetterModel } from './model';
import { renderPdfBytes } from './pdf-engine.mjs';

/** The export is refused: the printed figures would let a reader narrow a hidden value. */
export class LetterDisclosureError extends Error {
  constructor(readonly violations: DisclosureViolation[]) {
    super(`The letter was not produced: disclosure control would be broken for ${violations.map((v) => v.label).join(', ')}. ${violations[0]?.message ?? ''}`.trim());
    this.name = 'LetterDisclosureError';
  }
}

export interface PreparedLetter {
  disclosed: DisclosedAnswer;
  model: LetterModel;
  document: PdfDocDefinition;
}

/** Discloses, checks and lays out the letter (everything but the PDF encoding); throws LetterDisclosureError. */
export function prepareLetter(snapshot: AnswerSnapshot): PreparedLetter {
  const policy = snapshot.settings.disclosurePolicy;
  const disclosed = discloseAnswer(snapshot.answer.estimate, policy);
  const check = checkDisclosure(printedTableOf(disclosed, policy, { language: snapshot.language }), policy);
  if (!check.ok) throw new LetterDisclosureError(check.violations);
  const model = buildLetterModel(snapshot, letterFiguresFrom(disclosed, policy, snapshot.language));
  return { disclosed, model, document: letterDocument(model) };
}

export async function renderLetterPdf(snapshot: AnswerSnapshot): Promise<Uint8Array> {
  return renderPdfBytes(prepareLetter(snapshot).document);
}
