/**
 * Under the attrition: what the projection line rests on (its interval, window and average change, the
 * steadiness verdict, caveats), or — when the study turned the projection on and it could not be made — the
 * refusal with its reason, so a coordinator never takes unprojected figures for projected ones.
 */
import { useTranslation } from 'react-i18next';
import type { EstimateResult } from '../../../shared/estimate/types';
import { projectionLineText, projectionNotes, refusalText, steadinessText } from '../../../shared/trend/texts';
import type { Language } from '../../../shared/text/language';

export function ProjectionNote({ estimate, language }: { estimate: EstimateResult; language: Language }) {
  const { t } = useTranslation();
  const projected = estimate.projected;
  if (!projected) return null;
  const { outcome } = projected;
  if (!outcome.ok) {
    return (
      <p className="notice" role="note" data-testid="projection-refused">
        {t('trend.projection.refused', { reason: refusalText(outcome.refusal, language) })}
      </p>
    );
  }
  const { line } = outcome;
  return (
    <div className="hint" data-testid="projection-note">
      <p>{t('trend.projection.applied', { line: projectionLineText(line, language), from: line.from, to: line.to })}</p>
      <ul>
        {[...projectionNotes(line.national, language), steadinessText(line.national.steadiness, line.national.averageYearlyChange, language)].map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
