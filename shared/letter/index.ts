/**
 * The feasibility letter: a pure model built from an answer snapshot (model.ts), its pdfmake layout
 * (document.ts), and `renderLetterPdf(snapshot)` which discloses, checks and renders it (render.ts).
 */
export { renderLetterPdf, prepareLetter, warmLetterEngine, LetterDisclosureError, LetterGlyphError, type PreparedLetter } from './render';
export { missingGlyphText } from './glyph-texts';
export { letterPrint } from './print';
export { buildLetterModel, type LetterBlock, type LetterModel } from './model';
export { letterDocument, LETTER_PRODUCER, type PdfDocDefinition } from './document';
export { LETTER_TEXTS, letterText } from './texts';
export { letterFileName } from './file-name';
export { effAnswersFrom, requestFacts } from './request-facts';
