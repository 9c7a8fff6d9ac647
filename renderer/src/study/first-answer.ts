/**
 * The first answer, started before the app has drawn anything. At start the estimate worker's code is fetched and
 * compiled while the database opens, and the study the first screen will show is read and sent to it as soon as
 * the database is ready, so the worker computes while React draws the page. The study workspace then adopts this
 * worker, the inputs it was sent and any answer it already gave, instead of starting the same work again later.
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../../../shared/regions/regions';
import { stableStringify } from '../../../shared/utils/stable-json';
import type { AntalDatabase } from '../db/database';
import { loadStudyInputs, type StudyInputs } from '../answer/study-inputs';
import type { FromWorker, ToWorker } from './estimate-protocol';

/** One estimate worker (the same module the workspace uses for every edit). */
export function createEstimateWorker(): Worker {
  return new Worker(new URL('./estimate.worker.ts', import.meta.url), { type: 'module' });
}

/** What the workspace adopts: the worker, the inputs sent to it and their revision (1), and its replies so far. */
export interface StartedAnswer {
  worker: Worker;
  inputs: Promise<StudyInputs | null>;
  /** The revision the inputs were sent as; the workspace continues counting from it. */
  revision: number;
  /**
   * Hands the worker's replies (and a failure to start it) to the workspace: those that arrived before it took the
   * worker at once, in order, later ones as they come. Call after the workspace knows revision 1's study.
   */
  listen(onMessage: (message: FromWorker) => void, onError: (message: string) => void): void;
}

interface Pending {
  db: AntalDatabase;
  studyId: string | undefined;
  worker: Worker;
  inputs: Promise<StudyInputs | null> | null;
  received: FromWorker[];
  failure: string | null;
  handler: ((message: FromWorker) => void) | null;
  onError: ((message: string) => void) | null;
  stopped: boolean;
  /** The datasets and population already posted to the worker by `warmFirstAnswer` (not posted again). */
  posted: { datasets: readonly Dataset[]; population: Dataset | null } | null;
  /**
   * The warm-up's question and, once it came, its reply. When the stored inputs turn out to be that very question
   * (the usual first start) the reply is the first answer (`adopted`) instead of being computed a second time.
   */
  warm: { study: Study; hallandRule: HallandRule; today: string; reply: FromWorker | null; adopted: boolean } | null;
  /** Stops the worker if no workspace takes it (the user went elsewhere before the first screen showed). */
  expiry: ReturnType<typeof setTimeout> | null;
}

let pending: Pending | null = null;

/** The revision the first answer is computed as. */
export const FIRST_REVISION = 1;

/** The revision of `warmFirstAnswer`'s computation: its answer is nobody's and is dropped. */
const WARM_REVISION = 0;

/** How long an unclaimed worker is kept: far longer than any start, short enough not to hold memory for nothing. */
const UNCLAIMED_MS = 30_000;

/**
 * Starts the estimate worker now (its code loads while the database opens). Call `sendFirstAnswer` once the
 * database holds what the first screen shows. No-op where there are no workers.
 */
export function startEstimateWorker(db: AntalDatabase, studyId: string | undefined): void {
  if (typeof Worker === 'undefined' || pending) return;
  let worker: Worker;
  try {
    worker = createEstimateWorker();
  } catch {
    return; // the workspace starts its own and reports what went wrong
  }
  const started: Pending = { db, studyId, worker, inputs: null, received: [], failure: null, handler: null, onError: null, stopped: false, posted: null, warm: null, expiry: null };
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    if (event.data.revision === WARM_REVISION) {
      const warm = started.warm;
      if (!warm) return;
      warm.reply = event.data;
      if (warm.adopted) deliver(started, { ...event.data, revision: FIRST_REVISION });
      return;
    }
    deliver(started, event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    const message = event.message || 'the estimate worker failed to start';
    if (started.onError) started.onError(message);
    else started.failure ??= message;
  };
  pending = started;
}

function deliver(started: Pending, message: FromWorker): void {
  performance.mark('antal:first-answer-received');
  if (started.handler) started.handler(message);
  else started.received.push(message);
}

/** Whether the stored inputs ask the warm-up's very question (same dataset objects, study, rule, date, no population). */
function asksWarmQuestion(started: Pending, loaded: StudyInputs, today: string): boolean {
  const { warm, posted } = started;
  if (!warm || !posted || posted.population !== null || loaded.population !== null || warm.today !== today) return false;
  if (posted.datasets.length !== loaded.datasets.length || !posted.datasets.every((d, i) => d === loaded.datasets[i])) return false;
  try {
    return stableStringify(warm.study) === stableStringify(loaded.record.study) && stableStringify(warm.hallandRule) === stableStringify(loaded.hallandRule);
  } catch {
    return false; // not plain JSON (a non-finite number, say): asked again rather than assumed equal
  }
}

/**
 * At a first start, the demo dataset as soon as it is generated, before it is stored: the worker gets it and computes
 * the demo study's answer with the default settings while the main thread writes the demo to the database and reads
 * the study back. When what the database then holds asks exactly that question (the usual first start), that answer is
 * the first answer. If the stored inputs differ (another study, other settings), it is thrown away and the first answer
 * is computed from them; the worker's structures for this very dataset object (kept by identity) and its compiled code
 * are then ready, so that costs what a later edit does.
 */
export function warmFirstAnswer(datasets: readonly Dataset[], study: Study, today: string): void {
  const started = pending;
  if (!started || started.inputs || started.posted || started.stopped) return;
  started.posted = { datasets, population: null };
  started.warm = { study, hallandRule: DEFAULT_HALLAND_RULE, today, reply: null, adopted: false };
  const posted: ToWorker = { type: 'datasets', datasets: [...datasets], population: null };
  started.worker.postMessage(posted);
  const compute: ToWorker = { type: 'compute', revision: WARM_REVISION, study, hallandRule: DEFAULT_HALLAND_RULE, today };
  started.worker.postMessage(compute);
}

/**
 * Reads the study the first screen shows (with its datasets) and sends it to the started worker, computed as
 * revision 1 with the user's date `today` (YYYY-MM-DD). `written`: datasets just stored by this start (the demo at
 * a first start), used from memory rather than read back.
 */
export function sendFirstAnswer(today: string, written: readonly Dataset[] = []): void {
  const started = pending;
  if (!started || started.inputs) return;
  started.inputs = loadStudyInputs(started.db, started.studyId, written).then((loaded) => {
    if (loaded && loaded.datasets.length > 0 && !started.stopped && asksWarmQuestion(started, loaded, today)) {
      // The warm-up computed exactly this (the computation is deterministic): its answer, when it comes, is the
      // first answer, rather than the same question asked again behind it.
      const warm = started.warm!;
      warm.adopted = true;
      if (warm.reply) deliver(started, { ...warm.reply, revision: FIRST_REVISION });
      performance.mark('antal:first-answer-sent');
    } else if (loaded && loaded.datasets.length > 0 && !started.stopped) {
      // The worker already holds these very objects (warmFirstAnswer): posting them again would give it copies, and
      // its structures, kept per dataset object, would be built again.
      const posted = started.posted;
      const held = posted !== null && posted.population === loaded.population && posted.datasets.length === loaded.datasets.length && posted.datasets.every((d, i) => d === loaded.datasets[i]);
      if (!held) {
        const datasets: ToWorker = { type: 'datasets', datasets: loaded.datasets, population: loaded.population };
        started.worker.postMessage(datasets);
      }
      const compute: ToWorker = { type: 'compute', revision: FIRST_REVISION, study: loaded.record.study, hallandRule: loaded.hallandRule, today };
      started.worker.postMessage(compute);
      performance.mark('antal:first-answer-sent');
    }
    return loaded;
  });
  // A failed read is the workspace's to report (it reads again); nothing is sent meanwhile.
  started.inputs.catch(() => undefined);
  started.expiry = setTimeout(() => {
    if (pending !== started) return;
    pending = null;
    started.stopped = true;
    started.worker.terminate();
  }, UNCLAIMED_MS);
}

/**
 * The started first answer, when it is for this database and study (undefined: the study edited last) and the
 * inputs were sent; taken once. Null otherwise: the workspace then starts as it would without it.
 */
export function takeFirstAnswer(db: AntalDatabase, studyId: string | undefined): StartedAnswer | null {
  const started = pending;
  if (!started || !started.inputs || started.db !== db || started.studyId !== studyId) return null;
  pending = null;
  if (started.expiry) clearTimeout(started.expiry);
  return {
    worker: started.worker,
    inputs: started.inputs,
    revision: FIRST_REVISION,
    listen(onMessage, onError) {
      const handler = (message: FromWorker) => {
        onMessage(message);
        // The frame that shows it is drawn after this task; what waited for the first answer starts after it.
        if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(markShown));
        else setTimeout(markShown);
      };
      started.handler = handler;
      started.onError = onError;
      for (const message of started.received.splice(0)) handler(message);
      if (started.failure !== null) onError(started.failure);
    },
  };
}

let shown = false;
const waitingForShown: Array<() => void> = [];
function markShown(): void {
  if (shown) return;
  shown = true;
  for (const callback of waitingForShown.splice(0)) callback();
}

/**
 * Runs `callback` once the first answer is on screen, or after `latestMs` when the app started elsewhere (another
 * page, no worker): work that would compete with the first answer for the processor waits for it.
 */
export function afterFirstAnswer(callback: () => void, latestMs = 5000): void {
  if (shown) {
    callback();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  waitingForShown.push(once);
  setTimeout(once, latestMs);
}
