// The letter's glyph error on its own, without the PDF engine: the app's page shows it (and receives it from the
// letter worker) without loading pdfmake. A plain module like the engine that throws it (pdf-engine.mjs).

/** A character of a letter's text that the letter's font cannot draw (pdfmake would silently print nothing). */
export class LetterGlyphError extends Error {
  constructor(missing) {
    const list = missing.map((m) => `"${m.character}" (${m.codePoint}) in "${m.text}"`).join(', ');
    super(`The letter's font cannot print ${list}`);
    this.name = 'LetterGlyphError';
    this.missing = missing;
  }
}
