// The guide's step list (every step a link, with its state and why) and the Previous/Next buttons under a step.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_STEPS, type GuideStep, routeHash } from '../shell/route';
import { useGuideLinks } from './guide-links';
import { neighbours, type StepStatus } from './step-status';

const STATE_MARK: Record<StepStatus['state'], string> = { done: '✓', todo: '!', blocked: '…' };

export function StepList({ requestId, current, statuses, onStep }: { requestId: string; current: GuideStep; statuses: StepStatus[]; onStep: (step: GuideStep) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('guide.stepsLabel')} className="guide-nav">
      <ol className="guide-steps" data-testid="guide-steps">
        {statuses.map((s, index) => {
          const whyId = `guide-why-${s.step}`;
          return (
            <li key={s.step} className={`guide-step guide-step-${s.state}`} data-state={s.state}>
              <a
                href={`#${routeHash({ page: 'guide', requestId, step: s.step })}`}
                aria-current={s.step === current ? 'step' : undefined}
                aria-describedby={s.reasons.length > 0 ? whyId : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  onStep(s.step);
                }}
              >
                <span className="guide-step-mark" aria-hidden="true">
                  {STATE_MARK[s.state]}
                </span>
                <span className="guide-step-name">
                  {index + 1}. {t(`guide.steps.${s.step}`)}
                </span>
                <span className="guide-step-state">{t(`guide.state.${s.state}`)}</span>
              </a>
              {s.reasons.length > 0 && (
                <span id={whyId} className="guide-step-why">
                  {s.reasons.map((r) => t(`guide.reasons.${r}`)).join(', ')}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function GuidePager({ current, onStep }: { current: GuideStep; onStep: (step: GuideStep) => void }) {
  const { t } = useTranslation();
  const { previous, next } = neighbours(current);
  return (
    <div className="guide-pager">
      <p className="hint">{t('guide.stepOf', { n: GUIDE_STEPS.indexOf(current) + 1, total: GUIDE_STEPS.length })}</p>
      {previous && (
        <button type="button" className="button" onClick={() => onStep(previous)}>
          {t('guide.previous', { step: t(`guide.steps.${previous}`) })}
        </button>
      )}
      {next && (
        <button type="button" className="button primary" onClick={() => onStep(next)}>
          {t('guide.next', { step: t(`guide.steps.${next}`) })}
        </button>
      )}
    </div>
  );
}

/** A link to another step of the open guide (a real link: it can be opened, bookmarked and reached by Tab). */
export function StepLink({ step, children }: { step: GuideStep; children: ReactNode }) {
  const { requestId, onStep } = useGuideLinks();
  return (
    <a
      href={`#${routeHash({ page: 'guide', requestId, step })}`}
      onClick={(e) => {
        e.preventDefault();
        onStep(step);
      }}
    >
      {children}
    </a>
  );
}
