import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DatasetRecord, type StudyRecord, loadDataset } from '../db/database';
import { useServices } from '../context';
import { formatCount, formatIsoDate } from '../format';
import { datasetToCsvBytes, exportFileName } from './csv-export';
import { deleteDataset, type NameProblem, renameDataset, studiesUsing } from '../import/dataset-store';
import { DatasetDetails } from './DatasetDetails';
import { ImportFlow } from '../import/ImportFlow';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { DataTable } from '../ui/DataTable';
import { ActionStatus, Loading } from '../ui/StatusLine';
import { periodSpan } from '../../../shared/utils/period';
import { FieldError, fieldAria } from '../ui/FieldError';

/** The Datasets page: import files, and list, inspect, rename, export and delete the stored datasets. */
export function DatasetsPage() {
  const { t } = useTranslation();
  const { db, language, platform } = useServices();
  const [datasets, setDatasets] = useState<DatasetRecord[] | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ record: DatasetRecord; studies: StudyRecord[] } | null>(null);
  const listHeadingId = useId();

  useEffect(() => {
    let live = true;
    db.datasets
      .orderBy('importedAt')
      .reverse()
      .toArray()
      .then(
        (rows) => live && setDatasets(rows),
        (e: unknown) => live && setError(t('errors.database', { detail: e instanceof Error ? e.message : String(e) })),
      );
    return () => {
      live = false;
    };
  }, [db, reloadKey, t]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const announce = useCallback(
    (message: string) => {
      setError(null);
      setStatus(message);
      reload();
    },
    [reload],
  );

  const exportCsv = async (record: DatasetRecord) => {
    setStatus('');
    setError(null);
    const dataset = await loadDataset(db, record.id);
    if (!dataset) {
      setError(t('datasets.list.missing'));
      return;
    }
    const bytes = datasetToCsvBytes(dataset, {
      dimension: {
        region: t('datasets.export.region'),
        code: t('datasets.export.code'),
        sex: t('datasets.export.sex'),
        age: t('datasets.export.age'),
        period: t('datasets.export.period'),
      },
      point: t('datasets.export.point'),
      low: t('datasets.export.low'),
      high: t('datasets.export.high'),
    });
    const result = await platform.saveFile({
      titleKey: 'dialogs.export',
      suggestedName: exportFileName(record.name),
      filters: [{ nameKey: 'files.csv', extensions: ['csv'] }],
      bytes,
    });
    if (result.ok) setStatus(t('datasets.list.exported', { name: record.name, path: result.value.path }));
    else if (result.error.code !== 'cancelled') setError(t(`errors.${result.error.code}`));
  };

  const askDelete = async (record: DatasetRecord) => {
    setDeleting({ record, studies: await studiesUsing(db, record.id) });
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    const { record } = deleting;
    setDeleting(null);
    try {
      await deleteDataset(db, record.id);
      if (detailsId === record.id) setDetailsId(null);
      announce(t('datasets.list.deleted', { name: record.name }));
    } catch (e) {
      setError(t('errors.database', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  const details = datasets?.find((d) => d.id === detailsId) ?? null;

  return (
    <section aria-labelledby="datasets-title">
      <h1 id="datasets-title">{t('datasets.title')}</h1>
      <p>{t('datasets.intro')}</p>
      <ActionStatus status={status} error={error} className="import-status" testId="datasets-status" />
      <ImportFlow onImported={announce}>
        {(openFile) => (<>
        <h2 id={listHeadingId}>{t('datasets.list.title')}</h2>
        {datasets === null ? (
          <Loading />
        ) : datasets.length === 0 ? (
          <EmptyState level={3} testId="datasets-empty" title={t('actions.empty.datasets.title')} next={t('actions.empty.datasets.next')} action={{ label: t('actions.empty.datasets.action'), onPress: openFile }} />
        ) : (
          <DataTable scroll={{ labelledBy: listHeadingId }} testId="datasets-table" columns={[{ label: t('datasets.columns.name') }, { label: t('datasets.columns.publisher') }, { label: t('datasets.columns.basis') }, { label: t('datasets.columns.period') }, { label: t('datasets.columns.cells'), numeric: true }, { label: t('datasets.columns.sha') }, { label: t('datasets.columns.imported') }, { label: t('datasets.columns.actions') }]}>
            {datasets.map((d) => (
              <tr key={d.id} data-dataset-id={d.id}>
                <th scope="row">
                  {renamingId === d.id ? (
                    <RenameField
                      record={d}
                      onDone={(message) => {
                        setRenamingId(null);
                        if (message) announce(message);
                      }}
                    />
                  ) : (
                    <>
                      {d.name}
                      {d.provenance.synthetic && <span className="badge badge-demo">{t('datasets.synthetic')}</span>}
                    </>
                  )}
                </th>
                <td>{d.provenance.publisher}</td>
                <td>
                  {t(`basis.${d.basis.unit}`)}, {t(`basis.${d.basis.kind}`)}, {t(`basis.${d.basis.regionBasis}`)}
                </td>
                <td>
                  {periodSpan(d.provenance.periodFrom, d.provenance.periodTo) || t('datasets.noPeriod')}
                </td>
                <td className="num">{formatCount(d.cellCount, language)}</td>
                <td>
                  <code title={d.provenance.sha256}>{d.provenance.sha256.slice(0, 12)}…</code>
                </td>
                <td>{formatIsoDate(new Date(d.importedAt))}</td>
                <td>
                  <div className="dataset-actions">
                    <button
                      type="button"
                      className="button small"
                      aria-expanded={detailsId === d.id}
                      onClick={() => setDetailsId(detailsId === d.id ? null : d.id)}
                    >
                      {t('datasets.list.details')}
                      <span className="visually-hidden"> {t('datasets.list.forDataset', { name: d.name })}</span>
                    </button>
                    <button type="button" className="button small" onClick={() => setRenamingId(d.id)} disabled={renamingId === d.id}>
                      {t('datasets.list.rename')}
                      <span className="visually-hidden"> {t('datasets.list.forDataset', { name: d.name })}</span>
                    </button>
                    <button type="button" className="button small" onClick={() => void exportCsv(d)}>
                      {t('datasets.list.export')}
                      <span className="visually-hidden"> {t('datasets.list.forDataset', { name: d.name })}</span>
                    </button>
                    <button type="button" className="button small danger" onClick={() => void askDelete(d)}>
                      {t('datasets.list.delete')}
                      <span className="visually-hidden"> {t('datasets.list.forDataset', { name: d.name })}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {details && <DatasetDetails record={details} onClose={() => setDetailsId(null)} onChanged={announce} />}
        </>)}
      </ImportFlow>
      <DeleteDialog pending={deleting} onCancel={() => setDeleting(null)} onConfirm={() => void confirmDelete()} />
    </section>
  );
}

function RenameField({ record, onDone }: { record: DatasetRecord; onDone(message: string | null): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [value, setValue] = useState(record.name);
  const [problem, setProblem] = useState<NameProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const save = async () => {
    if (value.trim() === record.name) {
      onDone(null);
      return;
    }
    setSaving(true);
    const result = await renameDataset(db, record.id, value);
    setSaving(false);
    if (result) {
      setProblem(result);
      inputRef.current?.focus();
      return;
    }
    onDone(t('datasets.list.renamed', { from: record.name, to: value.trim() }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onDone(null);
    }
  };

  return (
    <div className="rename-field">
      <label htmlFor={id} className="visually-hidden">
        {t('datasets.list.newName', { name: record.name })}
      </label>
      <input
        id={id}
        ref={inputRef}
        value={value}
        {...fieldAria(problem !== null, `${id}-error`)}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="button small primary" disabled={saving} onClick={() => void save()}>
        {t('datasets.list.saveName')}
      </button>
      <button type="button" className="button small" onClick={() => onDone(null)}>
        {t('datasets.list.cancelRename')}
      </button>
      <FieldError id={`${id}-error`}>{problem && t(`datasets.form.problems.${problem}`)}</FieldError>
    </div>
  );
}

function DeleteDialog({
  pending,
  onCancel,
  onConfirm,
}: {
  pending: { record: DatasetRecord; studies: StudyRecord[] } | null;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  const { language } = useServices();
  return (
    <ConfirmDialog
      isOpen={pending !== null}
      testId="delete-dialog"
      title={pending ? t('datasets.delete.title', { name: pending.record.name }) : ''}
      confirmLabel={t('datasets.delete.confirm')}
      cancelLabel={t('datasets.delete.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {pending && (
        <>
          <p>{t('actions.datasetLoss', { cells: formatCount(pending.record.cellCount, language), sha: pending.record.provenance.sha256.slice(0, 12) })}</p>
          {pending.studies.length === 0 ? (
            <p>{t('datasets.delete.noStudies')}</p>
          ) : (
            <>
              <p>{t('datasets.delete.usedBy')}</p>
              <ul data-testid="delete-studies">
                {pending.studies.map((s) => (
                  <li key={s.id}>{s.title}</li>
                ))}
              </ul>
              <p>{t('datasets.delete.studiesAfter')}</p>
            </>
          )}
          <p>{t('datasets.delete.cannotUndo')}</p>
        </>
      )}
    </ConfirmDialog>
  );
}
