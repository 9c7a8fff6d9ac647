// An attrition step's name as every attrition table shows it: its label (or "base"), and whether it is switched
// off or the step that loses the most.
import { useTranslation } from 'react-i18next';
import type { AttritionStep } from '../../../shared/estimate/types';

export function AttritionStepName({ step, mostLimitingStepId }: { step: AttritionStep; mostLimitingStepId: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {step.type === 'base' ? t('home.stepType.base') : step.label}
      {!step.enabled && <span className="badge">{t('criteria.off')}</span>}
      {step.stepId === mostLimitingStepId && <span className="badge">{t('home.mostLimiting')}</span>}
    </>
  );
}
