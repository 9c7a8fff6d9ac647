/**
 * The import worker: decodes, parses and interprets a file off the page's thread, so a large file never
 * freezes the window. It keeps the bytes and the parsed table for the life of one import; the page cancels
 * an import by terminating the worker, which drops all of it.
 *
 * Vite bundles this file as a same-origin module worker (the CSP allows `worker-src 'self'`, never blob:).
 */
import { analyseFile, importFile, ImportRefusedError, sha256OfBytes, type ImportPreview, type ImportProblem } from '../../../shared/import';
import type { ReadOptions, WorkerRequest, WorkerResponse } from './import-protocol';
import { fileProblems, MAX_LISTED_PROBLEMS, previewView } from './preview-view';

interface WorkerScope {
  postMessage(message: WorkerResponse, options?: { transfer?: Transferable[] }): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let file: { name: string; bytes: Uint8Array; sha256: string } | null = null;
let current: { preview: ImportPreview; base: ImportProblem[]; options: ReadOptions } | null = null;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, { transfer });
}

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  if (request.type === 'analyse') {
    if (request.file) {
      post({ type: 'progress', id, stage: 'decode', fraction: 0 });
      file = { ...request.file, sha256: await sha256OfBytes(request.file.bytes) };
    }
    if (!file) throw new Error('analyse: no file');
    current = null;
    const preview = await analyseFile({ name: file.name, bytes: file.bytes }, {
      ...request.options,
      onProgress: (fraction) => post({ type: 'progress', id, stage: 'parse', fraction }),
    });
    post({ type: 'progress', id, stage: 'interpret', fraction: 0 });
    const base = fileProblems(preview);
    if (preview.errors.some((e) => e.code === 'personal-identity-number')) {
      // Refused whole: keep nothing that could carry the numbers further.
      file = null;
    } else {
      current = { preview, base, options: request.options };
    }
    post({ type: 'preview', id, view: previewView(preview, base, preview.mapping, file?.sha256 ?? '') });
    return;
  }
  if (!current || !file) throw new Error(`${request.type}: no file has been analysed`);
  if (request.type === 'remap') {
    post({ type: 'progress', id, stage: 'interpret', fraction: 0 });
    post({ type: 'preview', id, view: previewView(current.preview, current.base, request.mapping, file.sha256) });
    return;
  }
  post({ type: 'progress', id, stage: 'build', fraction: 0 });
  try {
    // Every row of the file is read now (the preview may have read only the first rows of a large file).
    const { measures, provenance } = await importFile({ name: file.name, bytes: file.bytes }, request.mapping, { ...request.meta, sha256: file.sha256 }, {
      ...current.options,
      onProgress: (fraction) => post({ type: 'progress', id, stage: 'build', fraction }),
      yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
    });
    const buffers = measures.flatMap(({ dataset: d }) => [...d.columns.map((c) => c.buffer), d.low.buffer, d.point.buffer, d.high.buffer, d.masked.buffer]);
    post({ type: 'built', id, result: { measures, provenance } }, [...new Set(buffers)] as ArrayBuffer[]);
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    if (error.errors.some((e) => e.code === 'personal-identity-number')) file = null;
    post({ type: 'refused', id, errors: error.errors.slice(0, MAX_LISTED_PROBLEMS), errorCount: error.errors.length + error.omitted });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  });
};
