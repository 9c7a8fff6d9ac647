// The import preview: how the file was read and why, what each column means, values, problems, first rows and the
// form. Each part is its own component in this folder and receives only what it shows or edits.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping } from '../../../../shared/import';
import { useServices } from '../../context';
import { formatBytes, formatCount, formatIsoDate } from '../../format';
import type { ReadOptions } from '../import-protocol';
import type { FormProblems, ImportForm } from '../import-form';
import type { ImportPreset } from '../presets';
import type { PreviewView } from '../preview-view';
import { ColumnsTable } from './ColumnsTable';
import { CommitForm } from './CommitForm';
import { FirstRows } from './FirstRows';
import { ProblemsSection } from './ProblemsSection';
import { ReadSettings } from './ReadSettings';
import { ValuesFound } from './ValuesFound';
import { StatusLine } from '../../ui/StatusLine';

export interface PreviewPanelProps {
  view: PreviewView;
  readOptions: ReadOptions;
  busy: boolean;
  committing: boolean;
  form: ImportForm;
  /** Shown after the user tried to import. */
  formProblems: FormProblems;
  duplicateOf: readonly string[];
  presetUsed: ImportPreset | null;
  commitError: string | null;
  onReadOptions(options: ReadOptions): void;
  onMapping(mapping: ImportMapping): void;
  onUseDetected(): void;
  onForm(form: ImportForm): void;
  onCommit(): void;
  onCancel(): void;
}

export function ImportPreviewPanel(props: PreviewPanelProps) {
  const { t } = useTranslation();
  const { language } = useServices();
  const { view, busy, committing } = props;
  const headingId = useId();
  const locked = busy || committing;

  return (
    <section className="panel import-preview" aria-labelledby={headingId} aria-busy={busy} data-testid="import-preview">
      <h2 id={headingId}>{t('datasets.preview.title', { file: view.file.name })}</h2>
      <p className="hint">
        {view.sample.complete
          ? t('datasets.preview.fileFacts', { size: formatBytes(view.file.size, language), rows: formatCount(view.bodyRows, language) })
          : t('datasets.preview.fileFactsLarge', { size: formatBytes(view.file.size, language) })}
      </p>
      {!view.sample.complete && (
        <p className="import-note" data-testid="preview-sampled">
          {t('datasets.preview.sampled', { records: formatCount(view.sample.records, language), rows: formatCount(view.sample.estimatedRows, language) })}
        </p>
      )}
      {busy && (
        <StatusLine hint>{t('datasets.preview.updating')}</StatusLine>
      )}
      {props.presetUsed && (
        <div className="import-note" role="note">
          <p>{t('datasets.preset.applied', { file: props.presetUsed.fileName, date: formatIsoDate(new Date(props.presetUsed.savedAt)) })}</p>
          <button type="button" className="button small" disabled={locked} onClick={props.onUseDetected}>
            {t('datasets.preset.useDetected')}
          </button>
        </div>
      )}
      {props.duplicateOf.length > 0 && (
        <StatusLine as="div" panel error className="import-warning" testId="duplicate-warning">
          <p>{t('datasets.preview.duplicate', { names: props.duplicateOf.join(', ') })}</p>
        </StatusLine>
      )}

      <ReadSettings view={view} readOptions={props.readOptions} locked={locked} onReadOptions={props.onReadOptions} />

      {view.notes.length > 0 && (
        <>
          <h3>{t('datasets.preview.notes')}</h3>
          <ul className="import-notes" data-testid="import-notes">
            {view.notes.map((n) => (
              <li key={n.line}>
                {t('datasets.preview.note', { line: n.line, kind: t(`datasets.noteKinds.${n.kind}`) })} <q>{n.text}</q>
              </li>
            ))}
          </ul>
        </>
      )}

      <ColumnsTable view={view} locked={locked} onMapping={props.onMapping} />

      <ValuesFound view={view} locked={locked} onMapping={props.onMapping} />

      <ProblemsSection view={view} locked={locked} onMapping={props.onMapping} />

      <FirstRows view={view} />
      <CommitForm
        view={view}
        form={props.form}
        formProblems={props.formProblems}
        duplicateOf={props.duplicateOf}
        commitError={props.commitError}
        committing={committing}
        locked={locked}
        onForm={props.onForm}
        onCommit={props.onCommit}
        onCancel={props.onCancel}
      />
    </section>
  );
}
