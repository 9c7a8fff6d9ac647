/// <reference lib="webworker" />
/**
 * Renders letters off the main thread: laying out several pages with pdfmake takes seconds on a clinic PC, and
 * the page must stay responsive meanwhile. The worker is started while the user reads the answer, and at once loads
 * pdfmake and its fonts and compiles the disclosure auditor's solver, so the first letter is not the slow one.
 */
import { LetterDisclosureError, LetterGlyphError, renderLetterPdf, warmLetterEngine } from '../../../shared/letter';
import { locateSolver } from '../platform/solver';
import type { RenderReply, RenderRequest } from './letter-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The disclosure auditor's solver (WebAssembly) is served beside the app, never from another origin.
locateSolver();
// A letter asked for while warming waits for the same loads (both are shared promises), never for a second copy.
void warmLetterEngine();

scope.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, snapshot } = event.data;
  let reply: RenderReply;
  try {
    const bytes = await renderLetterPdf(snapshot);
    reply = { id, type: 'pdf', bytes };
    scope.postMessage(reply, [bytes.buffer]);
    return;
  } catch (error) {
    reply =
      error instanceof LetterDisclosureError
        ? { id, type: 'disclosure', findings: error.findings }
        : error instanceof LetterGlyphError
          ? { id, type: 'glyph', missing: error.missing }
          : { id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
