/**
 * The age-share assumption: where the share of a straddling age band comes from (uniform, or the study's
 * population table chosen beside the datasets), its range as a multiple of the source's share, and the
 * coordinator's reason, which the letter prints with the assumption.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Study } from '../../../shared/criteria/study';
import type { Language } from '../../../shared/text/language';
import { formatDecimal } from '../format';
import { RangeFieldset } from './fields';
import { parseDecimalInput } from './parse-input';

/** A multiple of the source's share as typed in per cent ("75", "125,5"): 0–500 %, else null. */
export function parseShareMultiple(text: string): number | null {
  const value = parseDecimalInput(text.replace('%', ''));
  return value !== null && value >= 0 && value <= 500 ? value / 100 : null;
}

export function AgeShareFields({ study, tableName, onChange, language }: { study: Study; tableName: string | null; onChange: (change: (s: Study) => Study) => void; language: Language }) {
  const { t } = useTranslation();
  const noteId = useId();
  const { ageShare } = study;
  const source = ageShare.source.kind === 'table' ? t('study.ageShare.sourceTable', { name: tableName ?? ageShare.source.datasetId }) : t('study.ageShare.sourceUniform');
  return (
    <fieldset className="plan" data-testid="age-share-fields">
      <legend>{t('study.ageShare.legend')}</legend>
      <p data-testid="age-share-source">{t('study.ageShare.source', { source })}</p>
      <RangeFieldset
        legend={t('study.ageShare.range')}
        range={ageShare.range}
        labelOf={(key) => t(`study.ageShare.${key}`)}
        format={(v) => formatDecimal(v * 100, language, 2)}
        parse={parseShareMultiple}
        errorText={t('study.ageShare.rangeError')}
        onChange={(range) => onChange((s) => ({ ...s, ageShare: { ...s.ageShare, range } }))}
      />
      <div className="field">
        <label htmlFor={noteId}>{t('study.ageShare.note')}</label>
        <textarea id={noteId} rows={2} value={ageShare.note} onChange={(e) => onChange((s) => ({ ...s, ageShare: { ...s.ageShare, note: e.target.value } }))} />
      </div>
      <p className="hint">{t('study.ageShare.hint')}</p>
    </fieldset>
  );
}
