/**
 * Draws the pages of a PDF the app made itself onto canvases, with Mozilla's pdf.js, for the letter preview.
 *
 * Why not an <iframe> with the PDF, as before: the browser's own PDF viewer is an extension page from its own
 * internal origin. In the desktop app that needs plugins switched on, a frame navigating to a blob: URL and
 * requests from the viewer's origin — all things the app's navigation guard, request filter and CSP rightly
 * refuse — and it cannot be tested here. pdf.js runs inside our own page: its worker is a module file served from
 * our own origin (worker-src 'self'), the PDF's bytes are handed over in memory (nothing is fetched, no blob: URL),
 * fonts are loaded from those bytes through the FontFace API, and no WebAssembly or eval is used. So the preview
 * works the same in the desktop app and the browser build, under the same strict CSP (frame-src 'none').
 */
import { getDocument, PDFWorker, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
// The worker as a file of the build (same origin), never a blob: URL: the CSP allows workers only from 'self'.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export interface PdfPageText {
  /** The page's text in reading order, for screen readers (the canvas itself is only pixels). */
  text: string;
}

export interface OpenedPdf {
  pageCount: number;
  /**
   * Draws page `pageNumber` (1-based) onto `canvas`, `cssWidth` CSS pixels wide (sharp on high-density screens),
   * and returns its text. Rejects when `signal` aborts.
   */
  renderPage(pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number, signal: AbortSignal): Promise<PdfPageText>;
  /** Stops the worker and frees the document. */
  close(): Promise<void>;
}

/** Device pixels per CSS pixel, capped: a 4× screen would need 64 MB per A4 page for no visible gain. */
const MAX_PIXEL_RATIO = 2;

function abortError(): DOMException {
  return new DOMException('The preview was replaced or closed.', 'AbortError');
}

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const port = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  const worker = PDFWorker.create({ port });
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy, the letter's bytes stay ours.
  const task = getDocument({
    data: bytes.slice(),
    worker,
    // Our own PDFs embed their fonts and use no JPEG 2000 or JBIG2 images: no WebAssembly decoders, no system fonts.
    useWasm: false,
    useSystemFonts: false,
    enableXfa: false,
    // A PDF the app made itself must render completely; any error is a bug to show, not to paper over.
    stopAtErrors: true,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    worker.destroy();
    port.terminate();
    throw error;
  }
  return {
    pageCount: document.numPages,
    async renderPage(pageNumber, canvas, cssWidth, signal) {
      if (signal.aborted) throw abortError();
      const page = await document.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const ratio = Math.min(globalThis.devicePixelRatio || 1, MAX_PIXEL_RATIO);
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.round(viewport.height / ratio)}px`;
      const render: RenderTask = page.render({ canvas, viewport });
      const cancel = () => render.cancel();
      signal.addEventListener('abort', cancel, { once: true });
      try {
        await render.promise;
      } catch (error) {
        if (signal.aborted) throw abortError();
        throw error;
      } finally {
        signal.removeEventListener('abort', cancel);
      }
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+\n/g, '\n')
        .trim();
      page.cleanup();
      return { text };
    },
    async close() {
      await task.destroy().catch(() => undefined);
      worker.destroy();
      port.terminate();
    },
  };
}
