/**
 * The page's handle on one import: a dedicated module worker that holds the file while the user looks at
 * the preview. `cancel()` terminates the worker, which stops any work at once and frees the file; nothing
 * is written anywhere before the user commits.
 */
import type { BuildMeta, ImportMapping, ImportProblem, ImportResult } from '../../../shared/import';
import type { ProgressStage, ReadOptions, WorkerRequest, WorkerResponse } from './import-protocol';
import type { PreviewView } from './preview-view';

/** 'store' is the page's own last step (the database write), which cannot be cancelled. */
export type Progress = { stage: ProgressStage | 'store'; fraction: number };

export type BuildOutcome = { ok: true; result: ImportResult } | { ok: false; errors: ImportProblem[]; errorCount: number };

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

interface Pending {
  resolve: (response: WorkerResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: Progress) => void;
}

export class ImportSession {
  private worker: Worker | null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(createWorker: () => Worker = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })) {
    this.worker = createWorker();
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new Error(event.message || 'import worker failed'));
    };
  }

  private receive(message: WorkerResponse): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') {
      waiting.onProgress?.({ stage: message.stage, fraction: message.fraction });
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'failed') waiting.reject(new Error(message.message));
    else waiting.resolve(message);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private request(message: WorkerRequest, onProgress?: (progress: Progress) => void, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new ImportCancelled());
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(message, transfer);
    });
  }

  private async preview(message: WorkerRequest, onProgress?: (progress: Progress) => void, transfer?: Transferable[]): Promise<PreviewView> {
    const response = await this.request(message, onProgress, transfer);
    if (response.type !== 'preview') throw new Error(`unexpected answer ${response.type}`);
    return response.view;
  }

  /** The first analysis hands the bytes over to the worker (the page keeps no copy). */
  analyse(file: { name: string; bytes: Uint8Array }, options: ReadOptions, onProgress?: (progress: Progress) => void): Promise<PreviewView> {
    const id = this.nextId++;
    return this.preview({ type: 'analyse', id, file, options }, onProgress, [file.bytes.buffer as ArrayBuffer]);
  }

  /** Reads the same file again with another encoding, delimiter or sheet. */
  reanalyse(options: ReadOptions, onProgress?: (progress: Progress) => void): Promise<PreviewView> {
    return this.preview({ type: 'analyse', id: this.nextId++, options }, onProgress);
  }

  remap(mapping: ImportMapping): Promise<PreviewView> {
    return this.preview({ type: 'remap', id: this.nextId++, mapping });
  }

  /** Reads every row of the file with the confirmed mapping; progress runs from 0 to 1. */
  async build(mapping: ImportMapping, meta: BuildMeta, onProgress?: (progress: Progress) => void): Promise<BuildOutcome> {
    const response = await this.request({ type: 'build', id: this.nextId++, mapping, meta }, onProgress);
    if (response.type === 'built') return { ok: true, result: response.result };
    if (response.type === 'refused') return { ok: false, errors: response.errors, errorCount: response.errorCount };
    throw new Error(`unexpected answer ${response.type}`);
  }

  /** Stops the worker at once; every open request fails with ImportCancelled. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new ImportCancelled());
  }
}
