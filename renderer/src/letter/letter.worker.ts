/// <reference lib="webworker" />
/**
 * Renders letters off the main thread: laying out several pages with pdfmake takes seconds on a clinic PC, and
 * the page must stay responsive meanwhile. pdfmake and its fonts load once, on the first letter.
 */
import { LetterDisclosureError, renderLetterPdf } from '../../../shared/letter';
import { locateSolver } from '../platform/solver';
import type { RenderReply, RenderRequest } from './letter-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The disclosure auditor's solver (WebAssembly) is served beside the app, never from another origin.
locateSolver();

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
        : { id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
