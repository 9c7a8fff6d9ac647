// The first rows as the import will store them: normalised dimension values and the measures as read.
import { useTranslation } from 'react-i18next';
import { useServices } from '../../context';
import { displayDimensionValue } from '../display';
import type { PreviewView } from '../preview-view';
import { DataTable } from '../../ui/DataTable';

export function FirstRows({ view }: { view: PreviewView }) {
  const { t } = useTranslation();
  const { language } = useServices();
  if (view.firstRows.length === 0) return null;
  const dims = view.mapping.columns.flatMap((c) => (c.kind === 'dimension' ? [c] : []));
  const measureHeaders = Object.keys(view.firstRows[0]!.measures);
  return (
    <>
      <h3>{t('datasets.preview.firstRows')}</h3>
      <DataTable
        testId="import-first-rows"
        scroll={t('datasets.preview.firstRows')}
        columns={[
          { label: t('datasets.problems.line'), numeric: true, key: 'line' },
          ...dims.map((d) => ({ key: `dimension:${d.key}`, label: `${t(`datasets.roles.${d.role}`)}${d.role === 'extra' ? ` (${d.key})` : ''}` })),
          ...measureHeaders.map((h) => ({ key: `measure:${h}`, label: h, numeric: true })),
        ]}
      >
        {view.firstRows.map((row) => (
          <tr key={row.line}>
            <td className="num">{row.line}</td>
            {dims.map((d) => (
              <td key={d.key}>{displayDimensionValue(t, language, d.role, row.dimensions[d.key] ?? '')}</td>
            ))}
            {measureHeaders.map((h) => (
              <td className="num" key={h}>
                {row.measures[h]}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </>
  );
}
