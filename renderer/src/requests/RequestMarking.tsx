// For screens that show a study (the answer page): when the study belongs to a request, its confidentiality
// marking and a link back to the request. Renders nothing for a study without a request.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { useServices } from '../context';
import { ConfidentialityMark } from './common';

export function RequestMarking({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [request, setRequest] = useState<FeasibilityRequest | null>(null);
  useEffect(() => {
    let live = true;
    void db.requests
      .where('studyId')
      .equals(studyId)
      .first()
      .then((r) => live && setRequest(r ?? null));
    return () => {
      live = false;
    };
  }, [db, studyId]);
  if (!request) return null;
  return (
    <p data-testid="request-marking">
      <ConfidentialityMark request={request} /> <a href={`#/requests/${encodeURIComponent(request.id)}`}>{t('requests.marking.back', { title: request.title || t('requests.untitled') })}</a>
    </p>
  );
}
