// Each column: its header, sample values, the role and number format the importer chose (both correctable) and why.
import { useTranslation } from 'react-i18next';
import { useServices } from '../../context';
import { displayDimensionValue } from '../display';
import {
  type ColumnContext,
  isRoleChoice,
  NUMBER_FORMATS,
  numberFormatChoice,
  numberFormatOf,
  ROLE_CHOICES,
  roleOf,
  withNumberFormat,
  withRole,
} from '../mapping-edit';
import { usePhraseText } from '../phrase-text';
import type { MappingEditProps } from './props';
import { DataTable } from '../../ui/DataTable';

export function ColumnsTable({ view, locked, onMapping }: MappingEditProps) {
  const { t } = useTranslation();
  const { language } = useServices();
  const say = usePhraseText();
  if (view.columns.length === 0) return null;
  const context: ColumnContext = { headers: view.columns.map((c) => c.header), proposed: view.proposedMapping, delimiter: view.dialect?.delimiter ?? null };
  return (
    <>
      <h3>{t('datasets.preview.columns')}</h3>
      <p className="hint">{t('datasets.preview.columnsHint')}</p>
      <DataTable
        className="import-columns"
        testId="import-columns"
        scroll={t('datasets.preview.columns')}
        columns={[
          { label: '#', numeric: true },
          { label: t('datasets.preview.header') },
          { label: t('datasets.preview.sample') },
          { label: t('datasets.preview.role') },
          { label: t('datasets.preview.numberFormat') },
          { label: t('datasets.preview.evidence') },
        ]}
      >
        {view.columns.map((c, i) => {
          const mapped = view.mapping.columns[i];
          const header = c.header || t('datasets.preview.noHeader', { n: c.column });
          return (
            <tr key={c.column}>
              <td className="num">{c.column}</td>
              <th scope="row">{header}</th>
              <td className="import-sample">{c.sample.join(' · ')}</td>
              <td>
                {mapped && (
                  <select
                    aria-label={t('datasets.preview.roleFor', { header })}
                    value={roleOf(mapped)}
                    disabled={locked}
                    onChange={(e) => {
                      if (isRoleChoice(e.target.value)) onMapping(withRole(view.mapping, i, e.target.value, context));
                    }}
                  >
                    {ROLE_CHOICES.map((r) => (
                      <option key={r} value={r}>
                        {t(`datasets.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
                {mapped?.kind === 'measure' && mapped.members.length > 0 && (
                  <span className="hint import-detail">
                    {t('datasets.preview.members', { members: mapped.members.map((m) => `${t(`datasets.roles.${m.role}`)} ${displayDimensionValue(t, language, m.role, m.value)}`).join(', ') })}
                  </span>
                )}
              </td>
              <td>
                {mapped?.kind === 'measure' ? (
                  <>
                    <select
                      aria-label={t('datasets.preview.numberFormatFor', { header })}
                      value={numberFormatChoice(mapped.numberFormat)}
                      disabled={locked}
                      onChange={(e) => {
                        const choice = NUMBER_FORMATS.find((f) => f === e.target.value);
                        if (choice) onMapping(withNumberFormat(view.mapping, i, numberFormatOf(choice)));
                      }}
                    >
                      {NUMBER_FORMATS.map((f) => (
                        <option key={f} value={f}>
                          {t(`datasets.numberFormats.${f}`)}
                        </option>
                      ))}
                    </select>
                    {c.numberFormat && <span className="hint import-detail">{say(c.numberFormat.because)}</span>}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <ul className="import-evidence hint">
                  {c.reasons.map((e, k) => (
                    <li key={k}>{say(e)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
