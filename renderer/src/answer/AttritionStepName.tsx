// An attrition step's name as every attrition table shows it: its readable label (or "base", or the age-share
// assumption in words), whether it is switched off, whether its figure sums values one person can be under
// several times, and whether it is the step that loses the most.
import { useTranslation } from 'react-i18next';
import { attritionLabel, overlapText } from '../../../shared/answer/describe';
import type { AttritionStep } from '../../../shared/estimate/types';
import { useServices } from '../context';

export function AttritionStepName({ step, mostLimitingStepId }: { step: AttritionStep; mostLimitingStepId: string | null | undefined }) {
  const { t } = useTranslation();
  const { language } = useServices();
  return (
    <>
      {attritionLabel(step, language, t('home.stepType.base'))}
      {!step.enabled && <span className="badge">{t('criteria.off')}</span>}
      {step.overlap && <span className="hint"> ({overlapText(step.overlap, language).join('; ')})</span>}
      {step.stepId === mostLimitingStepId && <span className="badge">{t('home.mostLimiting')}</span>}
    </>
  );
}
