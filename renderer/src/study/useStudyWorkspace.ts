/**
 * A study being edited: loads it and its datasets, recomputes the answer in a worker on every edit (no
 * button), saves every edit (debounced, audited with what changed: study-store.ts), and says whether the answer on
 * screen belongs to the current inputs. A pending edit is written at once on `flush` (the guide moves to another
 * step), when the workspace goes away, and when the page is hidden or unloaded — then it is put in the
 * pending-writes journal first, so a reload right after an edit loses nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';
import { type AntalDatabase, type StudyRecord, loadDataset } from '../db/database';
import type { FromWorker, ToWorker } from './estimate-protocol';
import { withPopulationTable } from '../import/population-link';
import { basisAfterLinking } from '../../../shared/criteria/basis';
import { applyProblemFix } from '../../../shared/answer/describe';
import type { ProblemFix } from '../../../shared/estimate/types';
import { loadDatasets, loadStudyInputs } from '../answer/study-inputs';
import { clearJournal, journalWrite } from '../db/pending-writes';
import { usePageHide } from '../ui/usePageHide';
import { createEstimateWorker, takeFirstAnswer } from './first-answer';
import { fullResult, withShownParts, type LastResult } from './answer-parts';
import { INLINE_IDLE_MS, INLINE_WARM_DELAY_MS, createInlineAnswers } from './inline-answer';
import { saveStudyEdit } from './study-store';
import { localIsoDate } from '../forecast/today';
import type { RatesOutcome } from '../rates/compute-rates';

export const AUTOSAVE_DELAY_MS = 400;

export type WorkspaceState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'error'; detail: string }
  | {
      status: 'ready';
      record: StudyRecord;
      study: Study;
      datasets: Dataset[];
      /** The study's population table (age bands straddling an age limit are split by it), if one is chosen. */
      population: Dataset | null;
      hallandRule: HallandRule;
      /** The newest answer received (with its rates); `stale` while a newer edit is being computed. */
      answer: (ComputedAnswer & { rates?: RatesOutcome }) | null;
      /**
       * The study `answer` was computed from. While a newer edit is computed, `study` is already the edited one:
       * titles, labels and targets shown beside the figures must be the figures' own (and the figures stay the same
       * objects, so they are not drawn again until the new answer arrives).
       */
      answeredStudy: Study | null;
      stale: boolean;
      computeError: string | null;
      computeMillis: number | null;
      /** Whether the answer on screen was computed on this thread, in the edit's own event (inline-answer.ts). */
      answeredHere: boolean;
      saved: 'saved' | 'saving' | 'failed';
    };

export interface Workspace {
  state: WorkspaceState;
  updateStudy(change: (study: Study) => Study): void;
  /** Links the study to other datasets (at least one): loads them, recomputes, saves. */
  setDatasetIds(ids: string[]): Promise<void>;
  /** Chooses the study's population table (null: uniform age shares): saves the choice, recomputes. */
  setPopulationId(id: string | null): Promise<void>;
  /** Applies a blocking problem's one-click fix (a basis, a period, an age-share source, or unlinking a dataset). */
  applyFix(fix: ProblemFix): Promise<void>;
  /** Writes an edit still waiting for its autosave pause now; resolves when it is stored (or has failed). */
  flush(): Promise<void>;
}

export function useStudyWorkspace(db: AntalDatabase, studyId: string | undefined, now: () => Date): Workspace {
  const [state, setState] = useState<WorkspaceState>({ status: 'loading' });
  const worker = useRef<Worker | null>(null);
  const revision = useRef(0);
  /** The study sent with each revision not yet answered (an answer names its revision). */
  const sentStudies = useRef(new Map<number, Study>());
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The edit waiting for its debounced save: written at once when the page goes away, so no edit is lost. */
  const pendingSave = useRef<StudyRecord | null>(null);
  /** Saves run one after another, in the order the edits were made. */
  const saveChain = useRef<Promise<void>>(Promise.resolve());

  /** Starts writing the pending edit (if any) and resolves when everything edited so far is stored. */
  const writePending = useCallback((): Promise<void> => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const record = pendingSave.current;
    if (!record) return saveChain.current;
    pendingSave.current = null;
    saveChain.current = saveChain.current.then(() =>
      saveStudyEdit(db, record, now()).then(
        () => {
          clearJournal({ kind: 'study', record });
          setState((s) => (s.status === 'ready' && s.record === record ? { ...s, saved: 'saved' } : s));
        },
        () => setState((s) => (s.status === 'ready' ? { ...s, saved: 'failed' } : s)),
      ),
    );
    return saveChain.current;
  }, [db, now]);

  // The latest state, for event handlers: side effects must not run inside setState updaters (React may
  // call those twice).
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  /** The last whole answer received: a later answer with the same estimate is rebuilt from its parts. */
  const lastResult = useRef<LastResult | null>(null);
  /** Edits answered at once on this thread when the data are small and that was measured quick (inline-answer.ts). */
  const inline = useRef(createInlineAnswers());
  /** The revision of the answer on screen when it was answered here: the worker's replies to older ones are moot. */
  const inlineRevision = useRef(0);

  const compute = useCallback((study: Study, hallandRule: HallandRule, full = false) => {
    revision.current += 1;
    sentStudies.current.set(revision.current, study);
    const message: ToWorker = { type: 'compute', revision: revision.current, study, hallandRule, today: localIsoDate(now()), ...(full ? { full } : {}) };
    worker.current?.postMessage(message);
  }, [now]);

  useEffect(() => {
    let live = true;
    // The first screen's answer may already be computing (started before React drew anything): adopt that worker.
    const adopted = takeFirstAnswer(db, studyId);
    const w = adopted?.worker ?? createEstimateWorker();
    worker.current = w;
    lastResult.current = null;
    inlineRevision.current = 0;
    const onMessage = (message: FromWorker) => {
      let whole: ReturnType<typeof fullResult> = null;
      if (message.type === 'result') {
        whole = fullResult(lastResult.current, message);
        if (whole === null) {
          // The answer refers to an earlier one this workspace does not hold: ask for the newest edit's whole answer
          // (unless a newer edit was answered here, and the worker's answer is not wanted).
          const current = stateRef.current;
          if (current.status === 'ready' && message.revision >= inlineRevision.current) compute(current.study, current.hallandRule, true);
          return;
        }
        if (!('sameAs' in message.answer.estimate)) lastResult.current = { revision: message.revision, estimate: whole.answer.estimate, rates: whole.rates };
      }
      // A newer edit was answered here already: this reply (to an edit before it) must not replace that answer.
      if (message.revision < inlineRevision.current) {
        for (const sent of sentStudies.current.keys()) if (sent <= message.revision) sentStudies.current.delete(sent);
        return;
      }
      const answeredStudy = sentStudies.current.get(message.revision) ?? null;
      // The worker answers revisions in order (skipping those a newer edit replaced): older ones are never answered.
      for (const sent of sentStudies.current.keys()) if (sent <= message.revision) sentStudies.current.delete(sent);
      setState((current) => {
        if (current.status !== 'ready') return current;
        const newest = message.revision === revision.current;
        if (message.type === 'error' || whole === null) return newest && message.type === 'error' ? { ...current, computeError: message.message, stale: false } : current;
        return { ...current, answer: { ...whole.answer, rates: whole.rates }, answeredStudy: answeredStudy ?? current.study, stale: !newest, computeError: null, computeMillis: message.millis, answeredHere: false };
      });
    };
    const onError = (message: string) => {
      if (live) setState((current) => (current.status === 'ready' ? { ...current, computeError: message, stale: false } : current));
    };
    if (!adopted) {
      w.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      w.onerror = (event) => onError(event.message);
    }
    (adopted ? adopted.inputs : loadStudyInputs(db, studyId)).then(
      (loaded) => {
        if (!live) return;
        if (!loaded || loaded.datasets.length === 0) {
          setState({ status: 'empty' });
          return;
        }
        const hallandRule = loaded.hallandRule;
        setState({
          status: 'ready',
          record: loaded.record,
          study: loaded.record.study,
          datasets: loaded.datasets,
          population: loaded.population,
          hallandRule,
          answer: null,
          answeredStudy: null,
          stale: true,
          computeError: null,
          computeMillis: null,
          answeredHere: false,
          saved: 'saved',
        });
        if (adopted) {
          // The worker was sent these inputs as this revision already; its answer (perhaps here already) follows.
          revision.current = adopted.revision;
          sentStudies.current.set(adopted.revision, loaded.record.study);
          adopted.listen(onMessage, onError);
          return;
        }
        const datasetsMessage: ToWorker = { type: 'datasets', datasets: loaded.datasets, population: loaded.population };
        w.postMessage(datasetsMessage);
        compute(loaded.record.study, hallandRule);
      },
      (error: unknown) => live && setState({ status: 'error', detail: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
      w.terminate();
      worker.current = null;
      void writePending();
    };
  }, [db, studyId, compute, writePending]);

  // Once an answer is on screen, the inputs are measured here in idle time: small, quick ones let later edits be
  // answered at once (inline-answer.ts). The computation's code is a chunk of its own, fetched then.
  const ready = state.status === 'ready' ? state : null;
  const settled = ready !== null && ready.answer !== null && !ready.stale;
  const warmDatasets = ready?.datasets;
  const warmPopulation = ready?.population ?? null;
  const warmRule = ready?.hallandRule;
  useEffect(() => {
    if (!settled || !warmDatasets || !warmRule) return;
    const inputs = { datasets: warmDatasets, population: warmPopulation, hallandRule: warmRule };
    if (!inline.current.needsWarm(inputs)) return;
    let cancelled = false;
    let handle: number | null = null;
    let timer: number | null = null;
    // A whole idle period (the browser has nothing else to do: no input, no frame pending), never forced by a
    // timeout: the first computation here builds the data's views (≈ 90 ms for the demo's 31 680 cells, once).
    const whenIdle = (run: () => void) => {
      if (typeof requestIdleCallback !== 'function') {
        timer = window.setTimeout(run, 500);
        return;
      }
      handle = requestIdleCallback((deadline) => (deadline.timeRemaining() >= INLINE_IDLE_MS ? run() : whenIdle(run)));
    };
    // Not at once: the first seconds after an answer are the user's (reading, the first clicks).
    timer = window.setTimeout(() => whenIdle(() => {
      void import('./answer-compute').then(({ answerWithRates }) => {
        if (cancelled) return;
        inline.current.setCompute(answerWithRates);
        const step = () => {
          const current = stateRef.current;
          if (cancelled || current.status !== 'ready') return;
          if (inline.current.warm(current.study, inputs, localIsoDate(now())) === 'again') whenIdle(step);
        };
        whenIdle(step);
      }, () => undefined);
    }), INLINE_WARM_DELAY_MS);
    return () => {
      cancelled = true;
      if (timer !== null) window.clearTimeout(timer);
      if (handle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    };
  }, [settled, warmDatasets, warmPopulation, warmRule, now]);

  const updateStudy = useCallback(
    (change: (study: Study) => Study) => {
      const current = stateRef.current;
      if (current.status !== 'ready') return;
      const study = change(current.study);
      const record: StudyRecord = { ...current.record, title: study.title, study, updatedAt: now().toISOString() };
      // Answered here and drawn with the edit in one frame when that is quick; else by the worker, stale meanwhile.
      const quick = inline.current.answer(study, { datasets: current.datasets, population: current.population, hallandRule: current.hallandRule }, localIsoDate(now()));
      let next: WorkspaceState;
      if (quick) {
        revision.current += 1;
        inlineRevision.current = revision.current;
        const whole = withShownParts(current.answer, quick.answer, quick.rates);
        next = { ...current, study, record, answer: { ...whole.answer, rates: whole.rates }, answeredStudy: study, stale: false, computeError: null, computeMillis: quick.millis, answeredHere: true, saved: 'saving' };
      } else next = { ...current, study, record, stale: true, saved: 'saving' };
      stateRef.current = next;
      setState(next);
      if (!quick) compute(study, current.hallandRule);
      if (saveTimer.current) clearTimeout(saveTimer.current);
      pendingSave.current = record;
      saveTimer.current = setTimeout(() => void writePending(), AUTOSAVE_DELAY_MS);
    },
    [compute, now, writePending],
  );

  // The page is going away with an edit still waiting for its pause: journal it, then store it.
  usePageHide(() => {
    if (!pendingSave.current) return;
    journalWrite({ kind: 'study', record: pendingSave.current });
    void writePending();
  });

  const setDatasetIds = useCallback(
    async (ids: string[]) => {
      const current = stateRef.current;
      if (current.status !== 'ready' || ids.length === 0) return;
      const datasets = await loadDatasets(db, ids);
      if (datasets.length === 0) return;
      const latest = stateRef.current;
      if (latest.status !== 'ready') return;
      // An edit of the criteria still waiting for its pause is written first, so this record (which holds it)
      // and the audited edit do not overtake each other.
      await writePending();
      const saved = stateRef.current;
      if (saved.status !== 'ready') return;
      // A basis that fits none of the data follows the data (a new study is incident; the file may be prevalent).
      const study = basisAfterLinking(saved.study, datasets);
      const record: StudyRecord = { ...saved.record, datasetIds: datasets.map((d) => d.id), study, updatedAt: now().toISOString() };
      const next: WorkspaceState = { ...saved, record, study, datasets, stale: true, saved: 'saving' };
      stateRef.current = next;
      setState(next);
      const message: ToWorker = { type: 'datasets', datasets, population: saved.population };
      worker.current?.postMessage(message);
      compute(study, saved.hallandRule);
      try {
        await saveStudyEdit(db, record, now());
        setState((s) => (s.status === 'ready' && s.record === record ? { ...s, saved: 'saved' } : s));
      } catch {
        setState((s) => (s.status === 'ready' ? { ...s, saved: 'failed' } : s));
      }
    },
    [compute, db, now, writePending],
  );

  const setPopulationId = useCallback(
    async (id: string | null) => {
      if (stateRef.current.status !== 'ready') return;
      const population = id ? ((await loadDataset(db, id)) ?? null) : null;
      const latest = stateRef.current;
      if (latest.status !== 'ready') return;
      const next: WorkspaceState = { ...latest, population };
      stateRef.current = next;
      setState(next);
      const message: ToWorker = { type: 'datasets', datasets: latest.datasets, population };
      worker.current?.postMessage(message);
      // The table is the study's age-share source: saved with the study (and recomputed) like any edit.
      updateStudy((study) => withPopulationTable(study, population ? population.id : null));
    },
    [db, updateStudy],
  );

  const applyFix = useCallback(
    async (fix: ProblemFix) => {
      const current = stateRef.current;
      if (current.status !== 'ready') return;
      // The age-share source is also the table the worker weighs with: choose it the way the picker does.
      if (fix.kind === 'set-age-share-source') return setPopulationId(fix.source.kind === 'table' ? fix.source.datasetId : null);
      const { study, unlinkDatasetId } = applyProblemFix(current.study, fix);
      if (unlinkDatasetId !== undefined) return setDatasetIds(current.record.datasetIds.filter((id) => id !== unlinkDatasetId));
      updateStudy(() => study);
    },
    [setDatasetIds, setPopulationId, updateStudy],
  );

  return { state, updateStudy, setDatasetIds, setPopulationId, applyFix, flush: writePending };
}
