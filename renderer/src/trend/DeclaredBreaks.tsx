// The coordinator's breaks in the series: a period from which the data means something else (a new reporting rule,
// a register's new coverage, a code the data does not show changing), with the reason. The data cannot show such a
// change, so only the coordinator can say it; it is saved on the study (audited like every study edit), the trend
// and the projection start at it, and the refusal texts quote the reason.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclaredBreak } from '../../../shared/trend/breaks';
import { StatusLine } from '../ui/StatusLine';

export type DeclareOutcome = { ok: true; windowMoved: boolean } | { ok: false; code: 'reason-required' | 'unknown-period' | 'first-period' };

export function DeclaredBreaks({
  periods,
  breaks,
  onDeclare,
  onWithdraw,
}: {
  /** The data's periods, oldest first. */
  periods: readonly string[];
  breaks: readonly DeclaredBreak[];
  onDeclare(period: string, reason: string): DeclareOutcome;
  onWithdraw(period: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const choices = periods.slice(1);
  const [period, setPeriod] = useState(choices[choices.length - 1] ?? '');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (choices.length === 0) return null;

  const declare = () => {
    const outcome = onDeclare(period, reason);
    if (!outcome.ok) {
      setMessage({ text: t(`trend.breaks.errors.${outcome.code}`), error: true });
      return;
    }
    setReason('');
    setMessage({ text: outcome.windowMoved ? t('trend.breaks.addedMoved', { period }) : t('trend.breaks.added', { period }), error: false });
  };

  return (
    <fieldset className="trend-breaks" data-testid="declared-breaks">
      <legend>{t('trend.breaks.legend')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('trend.breaks.hint')}
      </p>
      {breaks.length > 0 ? (
        <ul className="trend-break-list">
          {breaks.map((b) => (
            <li key={b.period} data-period={b.period}>
              {t('trend.breaks.item', { period: b.period, reason: b.reason })}{' '}
              <button
                type="button"
                className="button small"
                aria-label={t('trend.breaks.removeLabel', { period: b.period })}
                onClick={() => {
                  onWithdraw(b.period);
                  setMessage({ text: t('trend.breaks.removed', { period: b.period }), error: false });
                }}
              >
                {t('trend.breaks.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('trend.breaks.none')}</p>
      )}
      <div className="trend-break-form">
        <label htmlFor={`${id}-period`}>{t('trend.breaks.period')}</label>
        <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value)} aria-describedby={`${id}-hint`}>
          {choices.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reason`}>{t('trend.breaks.reason')}</label>
        <input
          id={`${id}-reason`}
          type="text"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              declare();
            }
          }}
          aria-invalid={message?.error ? true : undefined}
          aria-describedby={`${id}-message`}
        />
        <button type="button" className="button small" onClick={declare}>
          {t('trend.breaks.add')}
        </button>
      </div>
      <StatusLine id={`${id}-message`} error={message?.error === true} hint testId="declared-breaks-status">
        {message?.text ?? ''}
      </StatusLine>
    </fieldset>
  );
}
