import type { PdfDocDefinition } from './document';

/** Renders a document definition to PDF bytes with pdfmake (the same engine and fonts in Node and the browser). */
export declare function renderPdfBytes(docDefinition: PdfDocDefinition): Promise<Uint8Array>;

/** Loads the engine and lays out a throw-away page in every font face, so the first letter does not pay for it. */
export declare function warmPdfEngine(): Promise<void>;
