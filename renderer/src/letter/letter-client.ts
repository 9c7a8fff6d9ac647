/**
 * The panel's side of the letter worker: one worker, started ahead of the first letter (`warm`) or by it, and kept
 * (pdfmake stays loaded), one promise per letter. A refusal by disclosure control comes back as the same LetterDisclosureError
 * the library throws.
 */
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import { LetterDisclosureError, LetterGlyphError } from '../../../shared/letter/errors';
import type { RenderReply, RenderRequest } from './letter-protocol';

export class LetterRenderer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();

  constructor(private readonly createWorker: () => Worker = () => new Worker(new URL('./letter.worker.ts', import.meta.url), { type: 'module' })) {}

  render(snapshot: AnswerSnapshot): Promise<Uint8Array> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: RenderRequest = { id, snapshot };
      worker.postMessage(request);
    });
  }

  /** Starts the worker now (it loads the PDF engine and the auditor's solver at once), so the first letter is quick. */
  warm(): void {
    this.ensureWorker();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const pending of this.waiting.values()) pending.reject(new Error('the letter renderer was closed'));
    this.waiting.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<RenderReply>) => {
      const reply = event.data;
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (reply.type === 'pdf') pending.resolve(reply.bytes);
      else if (reply.type === 'disclosure') pending.reject(new LetterDisclosureError(reply.findings));
      else if (reply.type === 'glyph') pending.reject(new LetterGlyphError(reply.missing));
      else pending.reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      const error = new Error(event.message || 'the letter worker failed');
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
