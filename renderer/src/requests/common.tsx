// Pieces every request screen shares: the confidentiality marking, the deadline text and the store context.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { deadlineState, isOpen, summerWarnings } from '../../../shared/requests/workflow';
import { useServices } from '../context';
import { formatIsoDate } from '../format';
import type { StoreContext } from './request-store';

/** The marking shown wherever a request appears (OSL 2009:400 protects request content). */
export function ConfidentialityMark({ request }: { request: Pick<FeasibilityRequest, 'confidentiality'> }) {
  const { t } = useTranslation();
  return (
    <span className="badge" data-testid="confidentiality">
      {t(`requests.confidentiality.${request.confidentiality}`)}
    </span>
  );
}

/** "3 dagar kvar" / "2 dagar försenad"; nothing for closed requests. */
export function DeadlineText({ request, today }: { request: FeasibilityRequest; today: string }) {
  const { t } = useTranslation();
  const state = deadlineState(request.replyDeadline, today);
  if (!state || !isOpen(request.status)) return null;
  if (state.daysLeft === 0) return <strong>{t('requests.deadline.today')}</strong>;
  return state.overdue ? <strong>{t('requests.deadline.overdue', { count: -state.daysLeft })}</strong> : <>{t('requests.deadline.daysLeft', { count: state.daysLeft })}</>;
}

/** The June–August warnings of a request, one line each. */
export function SummerWarnings({ request }: { request: FeasibilityRequest }) {
  const { t } = useTranslation();
  const warnings = summerWarnings(request);
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" data-testid="summer-warning">
      {warnings.map((w) => (
        <li key={w}>{t(`requests.summer.${w}`)}</li>
      ))}
    </ul>
  );
}

export function useToday(): string {
  const { now } = useServices();
  return formatIsoDate(now());
}

/** A fresh store context for each write: the clock is read at the moment of the change. */
export function useStoreContext(): () => StoreContext {
  const { db, now } = useServices();
  return useCallback(() => {
    const at = now();
    return { db, now: at, today: formatIsoDate(at), newId: () => crypto.randomUUID() };
  }, [db, now]);
}
