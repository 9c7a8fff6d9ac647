/**
 * From an answer snapshot to the letter's PDF bytes, with disclosure control built in:
 *
 *   snapshot ─ discloseAnswer ─► the disclosed table ─► letter model ─► auditor (the page as printed, with the
 *   answer file, its compilation and the sponsor view) ─► pdfmake ─► bytes
 *
 * Nothing but disclosed figures reaches the model, and if the exact auditor finds that a reader holding every
 * output of the answer could narrow a hidden value into a protected range, no letter is produced:
 * `LetterDisclosureError` carries the findings (each in Swedish and English). The same snapshot always yields
 * the same bytes (metadata from the snapshot, fonts and engine fixed; see pdf-engine.mjs).
 */
import type { AnswerSnapshot } from '../answer/snapshot';
import { answerOutputs } from '../answer-file/outputs';
import { discloseAnswer, type DisclosedAnswer } from '../disclosure';
import { loadDisclosureAuditor, warmDisclosureAuditor, type AuditResult } from '../disclosure-audit';
import { letterFiguresFrom } from './disclosed-figures';
import { letterDocument, type PdfDocDefinition } from './document';
import { buildLetterModel, type LetterModel } from './model';
import { renderPdfBytes, warmPdfEngine } from './pdf-engine.mjs';
import { LetterDisclosureError, LetterGlyphError } from './errors';
import { letterPrint } from './print';
import { regionMapSvg } from './map';

export { LetterDisclosureError, LetterGlyphError };

export interface PreparedLetter {
  disclosed: DisclosedAnswer;
  model: LetterModel;
  document: PdfDocDefinition;
  /** The auditor's verdict on the letter with every other output of the answer. */
  audit: AuditResult;
}

/** Discloses, lays out and audits the letter (everything but the PDF encoding); throws LetterDisclosureError. */
export async function prepareLetter(snapshot: AnswerSnapshot): Promise<PreparedLetter> {
  const policy = snapshot.settings.disclosurePolicy;
  const disclosed = discloseAnswer(snapshot.answer.estimate, policy, { hallandRule: snapshot.settings.hallandRule, recruitingRegions: snapshot.study.recruitment.sites.map((s) => s.region) });
  const model = buildLetterModel(snapshot, letterFiguresFrom(disclosed, policy, snapshot.language));
  const audit = (await loadDisclosureAuditor()).audit(answerOutputs(disclosed, policy, [letterPrint(model, snapshot, policy)]));
  if (!audit.ok) throw new LetterDisclosureError(audit.findings);
  return { disclosed, model, document: letterDocument(model), audit };
}

export async function renderLetterPdf(snapshot: AnswerSnapshot): Promise<Uint8Array> {
  return renderPdfBytes((await prepareLetter(snapshot)).document);
}

/**
 * Gets the engine a letter needs ready ahead of the first one: the disclosure auditor's solver (its WebAssembly
 * compiled) and the PDF engine with its fonts (a throw-away page with the map laid out). The rest of what a first
 * letter costs — every code path compiled, the words it prints shaped, its font subsets compressed — is warmed by
 * making a whole letter ahead (the app makes the answer's letter in idle time), not by shaping every fixed text
 * here: that would double the start-up work a letter asked for soon after may have to wait behind. Safe to call
 * more than once; a failure here is not reported, the letter that needs the part loads it again and says why.
 */
export async function warmLetterEngine(): Promise<void> {
  warmDisclosureAuditor();
  await warmPdfEngine([], [
    { svg: regionMapSvg([]), width: 150 },
    { text: 'Antal', style: 'caption', italics: true },
  ]).catch(() => undefined);
}
