import type { PdfDocDefinition } from './document';

/** Renders a document definition to PDF bytes with pdfmake (the same engine and fonts in Node and the browser). */
export declare function renderPdfBytes(docDefinition: PdfDocDefinition): Promise<Uint8Array>;
