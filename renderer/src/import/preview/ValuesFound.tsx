// What the values hold: masked and zero cells, published totals, and the masked tokens with their editable meaning.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskMeaning } from '../../../../shared/import';
import { useServices } from '../../context';
import { formatCount, formatDecimal } from '../../format';
import { displayDimensionValue } from '../display';
import { maskMeaning, withMaskToken } from '../mapping-edit';
import type { TokenFound } from '../preview-view';
import type { MappingEditProps } from './props';
import { TokenNotes } from './TokenNotes';
import { DataTable } from '../../ui/DataTable';
import { FieldError, fieldAria } from '../../ui/FieldError';

export function ValuesFound(props: MappingEditProps) {
  const { t } = useTranslation();
  const { language } = useServices();
  const { view } = props;
  if (view.columns.length === 0) return null;
  const roleByKey = new Map(view.mapping.columns.flatMap((c) => (c.kind === 'dimension' ? [[c.key, c.role] as const] : [])));
  // A large file's preview counts its first lines only: each figure says so; the whole file's are told after the import.
  const sampled = view.sample.complete ? null : (
    <span className="hint import-detail" data-testid="sampled-figure">
      {t('datasets.preview.sampledFigure', { records: formatCount(view.sample.records, language), rows: formatCount(view.sample.estimatedRows, language) })}
    </span>
  );
  return (
    <>
      <h3>{t('datasets.preview.values')}</h3>
      <dl className="facts import-facts">
        <div>
          <dt>{t('datasets.preview.maskedCells')}</dt>
          <dd>
            <span data-testid="masked-cells">{formatCount(view.maskedCells, language)}</span>
            {sampled}
          </dd>
        </div>
        <div>
          <dt>{t('datasets.preview.zeroCells')}</dt>
          <dd>
            <span data-testid="zero-cells">{formatCount(view.zeroTokenCells, language)}</span>
            {sampled}
          </dd>
        </div>
        <div>
          <dt>{t('datasets.preview.totals')}</dt>
          <dd data-testid="totals-found">
            {view.totals.length === 0 ? (
              t('datasets.preview.noTotals')
            ) : (
              <ul className="import-inline-list">
                {view.totals.map((x) => (
                  <li key={`${x.dimension}-${x.value}`}>
                    {t('datasets.preview.total', {
                      dimension: x.dimension,
                      value: displayDimensionValue(t, language, roleByKey.get(x.dimension) ?? 'extra', x.value),
                      cells: formatCount(x.cells, language),
                    })}
                  </li>
                ))}
              </ul>
            )}
            {sampled}
            <span className="hint import-detail">{t('datasets.preview.totalsHint')}</span>
          </dd>
        </div>
      </dl>
      <TokenNotes notes={view.tokenNotes ?? []} />
      {view.tokens.length > 0 && (
        <DataTable
          className="import-tokens"
          testId="import-tokens"
          caption={t('datasets.preview.tokens')}
          scroll={t('datasets.preview.tokens')}
          columns={[{ label: t('datasets.preview.token') }, { label: t('datasets.preview.tokenLow') }, { label: t('datasets.preview.tokenHigh') }, { label: t('datasets.preview.tokenMeaning') }]}
        >
          {view.tokens.map((token) => (
            <TokenRow
              key={`${token.token}-${token.meaning?.low ?? ''}-${token.meaning?.high ?? ''}`}
              token={token}
              disabled={props.locked}
              onChange={(meaning) => props.onMapping(withMaskToken(view.mapping, token.token, meaning))}
            />
          ))}
        </DataTable>
      )}
    </>
  );
}

function TokenRow({ token, disabled, onChange }: { token: TokenFound; disabled: boolean; onChange(meaning: MaskMeaning): void }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const [low, setLow] = useState(token.meaning ? String(token.meaning.low) : '');
  const [high, setHigh] = useState(token.meaning ? String(token.meaning.high) : '');
  const errorId = useId();
  const parsed = low.trim() === '' || high.trim() === '' ? null : maskMeaning(Number(low), Number(high));
  const invalid = (low.trim() !== '' || high.trim() !== '') && parsed === null;
  const apply = () => {
    if (parsed && (parsed.low !== token.meaning?.low || parsed.high !== token.meaning?.high)) onChange(parsed);
  };
  return (
    <tr data-token={token.token}>
      <th scope="row">
        <code>{token.token}</code>
      </th>
      {(['low', 'high'] as const).map((end) => (
        <td key={end}>
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            className="import-number"
            aria-label={t(end === 'low' ? 'datasets.preview.tokenLowFor' : 'datasets.preview.tokenHighFor', { token: token.token })}
            {...fieldAria(invalid, errorId)}
            value={end === 'low' ? low : high}
            disabled={disabled}
            onChange={(e) => (end === 'low' ? setLow : setHigh)(e.target.value)}
            onBlur={apply}
            onKeyDown={(e) => e.key === 'Enter' && apply()}
          />
        </td>
      ))}
      <td>
        {token.meaning ? (
          t('datasets.preview.tokenMeans', {
            low: formatCount(token.meaning.low, language),
            high: formatCount(token.meaning.high, language),
            point: formatDecimal(token.meaning.point, language),
          })
        ) : (
          <strong>{t('datasets.preview.tokenUnknown')}</strong>
        )}
        <FieldError id={errorId}>{invalid && t('datasets.preview.tokenInvalid')}</FieldError>
      </td>
    </tr>
  );
}
