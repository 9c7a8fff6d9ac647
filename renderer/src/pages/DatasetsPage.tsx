import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../db/database';
import { useServices } from '../context';
import { formatCount } from '../format';

export function DatasetsPage() {
  const { t } = useTranslation();
  const { db, language } = useServices();
  const [datasets, setDatasets] = useState<DatasetRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void db.datasets.orderBy('importedAt').reverse().toArray().then((rows) => live && setDatasets(rows));
    return () => {
      live = false;
    };
  }, [db]);

  return (
    <section aria-labelledby="datasets-title">
      <h1 id="datasets-title">{t('datasets.title')}</h1>
      <p>{t('datasets.intro')}</p>
      {datasets === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : datasets.length === 0 ? (
        <p className="empty-state">{t('datasets.empty')}</p>
      ) : (
        <table className="data-table" data-testid="datasets-table">
          <thead>
            <tr>
              <th scope="col">{t('datasets.columns.name')}</th>
              <th scope="col">{t('datasets.columns.publisher')}</th>
              <th scope="col">{t('datasets.columns.basis')}</th>
              <th scope="col">{t('datasets.columns.period')}</th>
              <th scope="col" className="num">{t('datasets.columns.cells')}</th>
              <th scope="col">{t('datasets.columns.sha')}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {d.name}
                  {d.provenance.synthetic && <span className="badge badge-demo">{t('datasets.synthetic')}</span>}
                </th>
                <td>{d.provenance.publisher}</td>
                <td>
                  {t(`basis.${d.basis.unit}`)}, {t(`basis.${d.basis.kind}`)}, {t(`basis.${d.basis.regionBasis}`)}
                </td>
                <td>
                  {d.provenance.periodFrom}–{d.provenance.periodTo}
                </td>
                <td className="num">{formatCount(d.cellCount, language)}</td>
                <td>
                  <code title={d.provenance.sha256}>{d.provenance.sha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
