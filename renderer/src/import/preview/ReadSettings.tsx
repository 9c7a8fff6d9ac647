// How the file was read (encoding, delimiter, line ending, sheet, layout), each with its evidence and an override.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncodingOverride } from '../../../../shared/import';
import type { Delimiter } from '../../../../shared/import/sniff-dialect';
import { delimiterKey, lineEndingKey } from '../display';
import { EvidenceText } from '../EvidenceText';
import type { ReadOptions } from '../import-protocol';
import { usePhraseText } from '../phrase-text';
import type { PreviewView } from '../preview-view';

const ENCODINGS: readonly EncodingOverride[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

export interface ReadSettingsProps {
  view: PreviewView;
  readOptions: ReadOptions;
  locked: boolean;
  onReadOptions(options: ReadOptions): void;
}

export function ReadSettings(props: ReadSettingsProps) {
  const { t } = useTranslation();
  const { view, readOptions, locked } = props;
  const encodingId = useId();
  const delimiterId = useId();
  const sheetId = useId();
  const say = usePhraseText();
  const layout = view.layout;
  return (
    <>
      <h3>{t('datasets.preview.reading')}</h3>
      <dl className="facts import-facts">
        {view.format === 'csv' && (
          <>
            <div>
              <dt>
                <label htmlFor={encodingId}>{t('datasets.preview.encoding')}</label>
              </dt>
              <dd>
                <span data-testid="detected-encoding">{view.encoding ? t(`datasets.encodings.${view.encoding.name}`) : t('datasets.preview.unknown')}</span>
                <select
                  id={encodingId}
                  value={readOptions.encoding ?? 'auto'}
                  disabled={locked}
                  onChange={(e) => {
                    const value = ENCODINGS.find((x) => x === e.target.value);
                    const { encoding: _drop, ...rest } = readOptions;
                    props.onReadOptions(value ? { ...rest, encoding: value } : rest);
                  }}
                >
                  <option value="auto">{t('datasets.preview.auto')}</option>
                  {ENCODINGS.map((x) => (
                    <option key={x} value={x}>
                      {t(`datasets.encodings.${x}`)}
                    </option>
                  ))}
                </select>
                {view.encoding && <span className="hint import-detail">{say(view.encoding.because)}</span>}
              </dd>
            </div>
            <div>
              <dt>
                <label htmlFor={delimiterId}>{t('datasets.preview.delimiter')}</label>
              </dt>
              <dd>
                <span data-testid="detected-delimiter">{t(`datasets.delimiters.${delimiterKey(view.dialect?.delimiter ?? null)}`)}</span>
                <select
                  id={delimiterId}
                  value={readOptions.dialect?.delimiter ?? 'auto'}
                  disabled={locked}
                  onChange={(e) => {
                    const value = DELIMITERS.find((x) => x === e.target.value);
                    const { dialect: _drop, ...rest } = readOptions;
                    props.onReadOptions(value ? { ...rest, dialect: { delimiter: value } } : rest);
                  }}
                >
                  <option value="auto">{t('datasets.preview.auto')}</option>
                  {DELIMITERS.map((x) => (
                    <option key={x} value={x}>
                      {t(`datasets.delimiters.${delimiterKey(x)}`)}
                    </option>
                  ))}
                </select>
                {view.dialect && <EvidenceText evidence={view.dialect.evidence} because={view.dialect.because} />}
              </dd>
            </div>
            <div>
              <dt>{t('datasets.preview.lineEnding')}</dt>
              <dd>{t(`datasets.lineEndings.${lineEndingKey(view.dialect?.lineEnding ?? null)}`)}</dd>
            </div>
          </>
        )}
        {view.sheet && (
          <div>
            <dt>
              <label htmlFor={sheetId}>{t('datasets.preview.sheet')}</label>
            </dt>
            <dd>
              <select id={sheetId} value={view.sheet.name} disabled={locked} onChange={(e) => props.onReadOptions({ ...readOptions, sheet: e.target.value })}>
                {view.sheet.names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('datasets.preview.layout')}</dt>
          <dd data-testid="detected-layout">
            {layout ? t(`datasets.layouts.${layout.kind}`, { headerRows: layout.headerRows }) : t('datasets.preview.unknown')}
            {layout?.unpivoted.map((u) => (
              <span key={`${u.measure}-${u.role}`} className="hint import-detail">
                {t('datasets.preview.unpivoted', {
                  columns: u.columns.join(', '),
                  role: t(`datasets.roles.${u.role}`),
                  total: u.totalColumn ?? t('datasets.preview.noTotalColumn'),
                })}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('datasets.preview.rereadHint')}</p>
    </>
  );
}
