/**
 * The import flow on the Datasets page: "Importera fil…" (or a file dropped anywhere on the page) → analysis
 * in a worker with progress and Cancel → the preview, where the user checks and corrects how the file was
 * read → one atomic commit. Nothing is stored before the commit; cancelling terminates the worker.
 */
import { type DragEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_OPEN_FILE_BYTES } from '../../../shared/ipc/contract';
import type { BuildMeta, ImportMapping } from '../../../shared/import';
import { useServices } from '../context';
import { formatCount, formatPercent } from '../format';
import { commitImport, datasetsWithSha256 } from './dataset-store';
import { ImportCancelled, ImportSession, type Progress } from './import-client';
import { emptyForm, type FormProblems, type ImportForm, keptMeasures, periodMeta, validateForm } from './import-form';
import type { ReadOptions } from './import-protocol';
import { ImportPreviewPanel } from './preview/ImportPreviewPanel';
import { applyPreset, type ImportPreset, loadPreset, presetFrom } from './presets';
import type { PreviewView } from './preview-view';
import './import.css';
import { importedCounts } from './import-summary';
import { carryCorrections } from './mapping-edit';
import { StatusLine } from '../ui/StatusLine';

type Phase = 'idle' | 'analysing' | 'preview' | 'personnummer';

/** Share of the whole analysis each stage stands for, so the bar moves forward only. */
function percentOf(progress: Progress | null): number {
  if (!progress) return 0;
  switch (progress.stage) {
    case 'decode':
      return 2;
    case 'parse':
      return Math.round(2 + 78 * progress.fraction);
    case 'interpret':
      return 85;
    case 'build':
      return Math.round(100 * progress.fraction);
    case 'store':
      return 100;
  }
}

export function ImportFlow({ onImported, children }: { onImported(message: string): void; children: ReactNode | ((openFile: () => void) => ReactNode) }) {
  const { t } = useTranslation();
  const { db, platform, now, language } = useServices();
  const session = useRef<ImportSession | null>(null);
  const sequence = useRef(0);
  const [phase, setPhase] = useState<Phase>('idle');
  const [fileName, setFileName] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [view, setView] = useState<PreviewView | null>(null);
  const [readOptions, setReadOptions] = useState<ReadOptions>({});
  const [form, setForm] = useState<ImportForm>(() => emptyForm(''));
  const [formProblems, setFormProblems] = useState<FormProblems>({});
  const [submitted, setSubmitted] = useState(false);
  const [duplicateOf, setDuplicateOf] = useState<string[]>([]);
  const [existingNames, setExistingNames] = useState<string[]>([]);
  const [presetUsed, setPresetUsed] = useState<ImportPreset | null>(null);
  const [busy, setBusy] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const progressLabelId = useId();
  const refusedHeadingId = useId();

  const stop = useCallback(() => {
    session.current?.cancel();
    session.current = null;
    sequence.current++;
  }, []);

  // Leaving the page ends the import and frees the file.
  useEffect(() => stop, [stop]);

  const reset = useCallback(() => {
    setPhase('idle');
    setProgress(null);
    setView(null);
    setReadOptions({});
    setFormProblems({});
    setSubmitted(false);
    setDuplicateOf([]);
    setPresetUsed(null);
    setBusy(false);
    setCommitting(false);
    setCommitError(null);
  }, []);

  const fail = useCallback(
    (error: unknown, mine: number) => {
      if (error instanceof ImportCancelled || mine !== sequence.current) return;
      stop();
      reset();
      setFailure(t('datasets.import.failed', { detail: error instanceof Error ? error.message : String(error) }));
    },
    [reset, stop, t],
  );

  /** Shows a fresh analysis: applies the remembered preset of the source, looks for an earlier import of the same bytes. */
  const show = useCallback(
    async (s: ImportSession, analysed: PreviewView, mine: number, first: boolean, previous: PreviewView | null = null) => {
      if (analysed.personnummer) {
        // Refused whole: the worker dropped the file; end the session too.
        stop();
        setView(analysed);
        setPhase('personnummer');
        return;
      }
      let shown = analysed;
      let preset: ImportPreset | null = analysed.sourceSignature ? await loadPreset(db, analysed.sourceSignature) : null;
      if (preset) {
        const ambiguous = new Set(analysed.columns.flatMap((c, i) => (c.numberFormat?.ambiguous ? [i] : [])));
        const mapping = applyPreset(analysed.mapping, preset, ambiguous);
        if (mapping) shown = await s.remap(mapping);
        else preset = null;
      }
      // Read again with another encoding or delimiter: the user's corrections stay where the headers still match.
      const carried = previous ? carryCorrections(previous, shown) : null;
      if (carried) shown = await s.remap(carried);
      const [duplicates, all] = await Promise.all([datasetsWithSha256(db, analysed.sha256), db.datasets.toArray()]);
      if (mine !== sequence.current) return;
      if (first && preset) {
        const remembered = preset;
        setForm((f) => ({
          ...f,
          publisher: remembered.meta.publisher,
          basisKind: remembered.meta.basisKind,
          regionBasis: remembered.meta.regionBasis,
          coverage: remembered.meta.coverage,
          overlapChoice: { ...(remembered.meta.overlapChoice ?? {}) },
          keepChoice: Object.fromEntries(shown.measures.map((m) => [m.key, remembered.keep.includes(m.key)])),
        }));
      }
      setPresetUsed(preset);
      setDuplicateOf(duplicates.map((d) => d.name));
      setExistingNames(all.map((d) => d.name));
      setView(shown);
      setProgress(null);
      setPhase('preview');
    },
    [db, stop],
  );

  const start = useCallback(
    async (name: string, bytes: Uint8Array) => {
      stop();
      reset();
      setFailure(null);
      const s = new ImportSession();
      session.current = s;
      const mine = ++sequence.current;
      setFileName(name);
      setForm(emptyForm(name));
      setPhase('analysing');
      setProgress({ stage: 'decode', fraction: 0 });
      try {
        const analysed = await s.analyse({ name, bytes }, {}, (p) => mine === sequence.current && setProgress(p));
        await show(s, analysed, mine, true);
      } catch (error) {
        fail(error, mine);
      }
    },
    [fail, reset, show, stop],
  );

  const openWithDialog = async () => {
    setFailure(null);
    const result = await platform.openFile({
      titleKey: 'dialogs.openDataset',
      filters: [
        { nameKey: 'files.csv', extensions: ['csv', 'tsv', 'txt'] },
        { nameKey: 'files.xlsx', extensions: ['xlsx'] },
        { nameKey: 'files.all', extensions: ['*'] },
      ],
    });
    if (!result.ok) {
      if (result.error.code !== 'cancelled') setFailure(t(`errors.${result.error.code}`));
      return;
    }
    await start(result.value.name, result.value.bytes);
  };

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    if (file.size > MAX_OPEN_FILE_BYTES) {
      setFailure(t('errors.too-large'));
      return;
    }
    await start(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const cancel = () => {
    const wasActive = phase !== 'idle';
    stop();
    reset();
    if (wasActive) onImported(t('datasets.import.cancelled'));
  };

  const reread = async (options: ReadOptions) => {
    const s = session.current;
    if (!s) return;
    const mine = ++sequence.current;
    setReadOptions(options);
    setPhase('analysing');
    setProgress({ stage: 'decode', fraction: 0 });
    try {
      const analysed = await s.reanalyse(options, (p) => mine === sequence.current && setProgress(p));
      await show(s, analysed, mine, false, view);
    } catch (error) {
      fail(error, mine);
    }
  };

  const remap = async (mapping: ImportMapping, keepPreset = true) => {
    const s = session.current;
    if (!s || !view) return;
    const mine = ++sequence.current;
    setView({ ...view, mapping });
    if (!keepPreset) setPresetUsed(null);
    setBusy(true);
    try {
      const next = await s.remap(mapping);
      if (mine === sequence.current) setView(next);
    } catch (error) {
      fail(error, mine);
    } finally {
      if (mine === sequence.current) setBusy(false);
    }
  };

  const updateForm = (next: ImportForm) => {
    setForm(next);
    if (submitted && view) setFormProblems(validateForm(next, view.measures, { existingNames, duplicateOf, period: view.period }));
  };

  const commit = async () => {
    const s = session.current;
    if (!s || !view || view.errorCount > 0) return;
    setSubmitted(true);
    const problems = validateForm(form, view.measures, { existingNames, duplicateOf, period: view.period });
    setFormProblems(problems);
    if (Object.keys(problems).length > 0) return;
    setCommitting(true);
    setCommitError(null);
    const mine = ++sequence.current;
    setProgress({ stage: 'build', fraction: 0 });
    const importedAt = now();
    const keep = keptMeasures(form, view.measures);
    const basisKind = form.basisKind || 'prevalent';
    const regionBasis = form.regionBasis || 'residence';
    const meta: BuildMeta = {
      publisher: form.publisher.trim(),
      name: form.name.trim(),
      basis: { kind: basisKind, regionBasis },
      ...(form.extractedAt ? { extractedAt: form.extractedAt } : {}),
      ...periodMeta(form, view.measures, view.period),
      // The same bytes again, on purpose: new ids, so the earlier import is not overwritten.
      ...(duplicateOf.length > 0 ? { id: `import-${view.sha256.slice(0, 16)}-${importedAt.getTime()}` } : {}),
    };
    try {
      const outcome = await s.build(view.mapping, meta, (p) => mine === sequence.current && setProgress(p));
      if (mine !== sequence.current) return;
      if (!outcome.ok) {
        setProgress(null);
        setCommitting(false);
        if (outcome.errors.some((e) => e.code === 'personal-identity-number')) {
          // Found beyond the rows the preview read: refused whole, like at the preview.
          stop();
          setView({ ...view, errors: outcome.errors, errorCount: outcome.errorCount, personnummer: true });
          setPhase('personnummer');
          return;
        }
        // Errors further down the file than the preview read: shown the same way, to be corrected or excluded.
        setView({ ...view, errors: outcome.errors, errorCount: outcome.errorCount });
        return;
      }
      setProgress({ stage: 'store', fraction: 1 });
      const preset = view.sourceSignature
        ? presetFrom({
            signature: view.sourceSignature,
            savedAt: importedAt,
            fileName: view.file.name,
            mapping: view.mapping,
            keep,
            meta: { publisher: meta.publisher, basisKind, regionBasis, coverage: form.coverage.trim(), overlapChoice: form.overlapChoice },
          })
        : null;
      const ids = await commitImport(db, {
        result: outcome.result,
        keep,
        importedAt,
        extra: { coverage: form.coverage.trim(), userNotes: form.notes.trim(), columnHeaders: view.columns.map((c) => c.header) },
        preset,
        overlapChoice: form.overlapChoice,
        auditSummary: (names) => t('datasets.import.auditSummary', { file: view.file.name, datasets: names.join(', ') }),
      });
      stop();
      reset();
      const counts = importedCounts(outcome.result, keep);
      onImported(t('datasets.import.done', { n: formatCount(ids.length, language), file: view.file.name })
        + ' ' + t('datasets.import.doneCounts', { cells: formatCount(counts.cells, language), masked: formatCount(counts.masked, language), totals: formatCount(counts.totals, language) }));
    } catch (error) {
      if (error instanceof ImportCancelled || mine !== sequence.current) return;
      setProgress(null);
      setCommitting(false);
      setCommitError(t('datasets.import.commitFailed', { detail: error instanceof Error ? error.message : String(error) }));
    }
  };

  const percent = percentOf(progress);
  return (
    <div
      className={`import-drop-area${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
      data-testid="import-drop-area"
    >
      <div className="import-start">
        <button type="button" className="button primary" onClick={() => void openWithDialog()} disabled={phase === 'analysing' || committing}>
          {t('datasets.import.button')}
        </button>
        <p className="hint import-drop-hint">{t('datasets.import.dropHint')}</p>
      </div>
      {dragging && (
        <p className="import-drop-overlay" aria-hidden="true">
          {t('datasets.import.dropNow')}
        </p>
      )}
      {failure && (
        <StatusLine error testId="import-failure">
          {failure}
        </StatusLine>
      )}

      {(phase === 'analysing' || committing) && (
        <div className="panel import-progress" data-testid="import-progress">
          <p id={progressLabelId}>{committing ? t('datasets.import.importing', { file: fileName }) : t('datasets.import.analysing', { file: fileName })}</p>
          <div
            className="import-progress-track"
            role="progressbar"
            aria-labelledby={progressLabelId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t('datasets.import.progressText', {
              stage: t(`datasets.import.stages.${progress?.stage ?? 'decode'}`),
              percent: formatPercent(percent / 100, language, 0),
            })}
          >
            <div className="import-progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="hint">{t(`datasets.import.stages.${progress?.stage ?? 'decode'}`)}</p>
          {/* The database write is one short transaction; once it has started, the import either completes or fails whole. */}
          <button type="button" className="button" onClick={cancel} disabled={progress?.stage === 'store'}>
            {t('datasets.import.cancel')}
          </button>
        </div>
      )}

      {phase === 'personnummer' && view && (
        <section className="panel import-refused" role="alert" aria-labelledby={refusedHeadingId} data-testid="import-refused">
          <h2 id={refusedHeadingId}>{t('datasets.refused.title', { file: view.file.name })}</h2>
          <p>{t('datasets.refused.personnummer')}</p>
          <ul data-testid="refused-places">
            {view.errors.map((e, i) => (
              <li key={i}>
                {t('datasets.refused.place', {
                  line: e.line === null ? '—' : formatCount(e.line, language),
                  column: e.column === null ? '—' : formatCount(e.column, language),
                })}
              </li>
            ))}
          </ul>
          {view.errorCount > view.errors.length && <p>{t('datasets.problems.shownFirst', { n: formatCount(view.errors.length, language), total: formatCount(view.errorCount, language) })}</p>}
          <p>{t('datasets.refused.nothingStored')}</p>
          <button type="button" className="button" onClick={reset}>
            {t('datasets.refused.close')}
          </button>
        </section>
      )}

      {phase === 'preview' && view && (
        <ImportPreviewPanel
          view={view}
          readOptions={readOptions}
          busy={busy}
          committing={committing}
          form={form}
          formProblems={formProblems}
          duplicateOf={duplicateOf}
          presetUsed={presetUsed}
          commitError={commitError}
          onReadOptions={(o) => void reread(o)}
          onMapping={(m) => void remap(m)}
          onUseDetected={() => void remap(view.proposedMapping, false)}
          onForm={updateForm}
          onCommit={() => void commit()}
          onCancel={cancel}
        />
      )}
      {/* eslint-disable-next-line react-hooks/refs -- the function is only called from a click handler (an empty state's action), never during render */}
      {typeof children === 'function' ? children(() => void openWithDialog()) : children}
    </div>
  );
}
