// The first rows as the import will store them: normalised dimension values and the measures as read.
import { useTranslation } from 'react-i18next';
import { useServices } from '../../context';
import { displayDimensionValue } from '../display';
import type { PreviewView } from '../preview-view';
import { ScrollRegion } from '../../ui/ScrollRegion';

export function FirstRows({ view }: { view: PreviewView }) {
  const { t } = useTranslation();
  const { language } = useServices();
  if (view.firstRows.length === 0) return null;
  const dims = view.mapping.columns.flatMap((c) => (c.kind === 'dimension' ? [c] : []));
  const measureHeaders = Object.keys(view.firstRows[0]!.measures);
  return (
    <>
      <h3>{t('datasets.preview.firstRows')}</h3>
      <ScrollRegion label={t('datasets.preview.firstRows')}>
        <table className="data-table" data-testid="import-first-rows">
          <thead>
            <tr>
              <th scope="col" className="num">{t('datasets.problems.line')}</th>
              {dims.map((d) => (
                <th scope="col" key={d.key}>
                  {t(`datasets.roles.${d.role}`)}
                  {d.role === 'extra' ? ` (${d.key})` : ''}
                </th>
              ))}
              {measureHeaders.map((h) => (
                <th scope="col" className="num" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
