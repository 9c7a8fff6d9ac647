import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudyRecord } from '../db/database';
import { useServices } from '../context';
import { formatCount } from '../format';

export function RequestsPage({ onOpen }: { onOpen: (studyId: string) => void }) {
  const { t } = useTranslation();
  const { db, language } = useServices();
  const [studies, setStudies] = useState<StudyRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void db.studies.orderBy('updatedAt').reverse().toArray().then((rows) => live && setStudies(rows));
    return () => {
      live = false;
    };
  }, [db]);

  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">{t('requests.title')}</h1>
      <p>{t('requests.intro')}</p>
      {studies === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : studies.length === 0 ? (
        <p className="empty-state">{t('requests.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('requests.columns.title')}</th>
              <th scope="col">{t('requests.columns.reference')}</th>
              <th scope="col" className="num">{t('requests.columns.target')}</th>
              <th scope="col" className="num">{t('requests.columns.steps')}</th>
              <th scope="col"><span className="visually-hidden">{t('requests.open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {studies.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.title}</th>
                <td>{s.study.sponsorReference}</td>
                <td className="num">{formatCount(s.study.recruitment.targetPatients, language)}</td>
                <td className="num">{formatCount(s.study.steps.length, language)}</td>
                <td>
                  <button type="button" className="button" onClick={() => onOpen(s.id)} aria-label={`${t('requests.open')}: ${s.title}`}>
                    {t('requests.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
