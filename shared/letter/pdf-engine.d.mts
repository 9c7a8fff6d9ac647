import type { PdfDocDefinition } from './document';

export { LetterGlyphError, type MissingGlyph } from './glyph-error.mjs';

export interface PdfEngine {
  render(docDefinition: PdfDocDefinition): Promise<Uint8Array>;
  warm(texts?: readonly string[], content?: readonly unknown[]): Promise<void>;
}

/** A PDF engine that loads pdfmake with `importModules` on first use, and again after a failed load. */
export declare function createPdfEngine(importModules?: () => Promise<[unknown, unknown]>): PdfEngine;

/** Renders a document definition to PDF bytes with pdfmake (the same engine and fonts in Node and the browser). */
export declare function renderPdfBytes(docDefinition: PdfDocDefinition): Promise<Uint8Array>;

/**
 * Loads the engine, lays out a throw-away page in every font face with `content`, and shapes `texts` in every face,
 * so the first letter does not pay for them.
 */
export declare function warmPdfEngine(texts?: readonly string[], content?: readonly unknown[]): Promise<void>;
