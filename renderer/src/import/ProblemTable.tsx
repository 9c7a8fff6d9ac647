import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/import';
import { useServices } from '../context';
import { formatCount } from '../format';
import { usePhraseText } from './phrase-text';
import { DataTable } from '../ui/DataTable';

/**
 * Errors or warnings of an import, each with its place (line and column as an editor shows them), the text as
 * found, what the importer expected, and for errors on a line the explicit choice to exclude that line.
 * Each problem reads as a short headline for its kind, then the core's specific explanation (which names
 * details such as the other line of a duplicate), translated from its phrase code.
 */
export function ProblemTable({
  problems,
  total,
  severity,
  onExclude,
  disabled,
  testId,
}: {
  problems: readonly ImportProblem[];
  total: number;
  severity: 'error' | 'warning';
  onExclude?: (line: number) => void;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const { language } = useServices();
  const say = usePhraseText();
  if (total === 0) return null;
  const caption = severity === 'error' ? t('datasets.problems.errorsCaption', { n: formatCount(total, language) }) : t('datasets.problems.warningsCaption', { n: formatCount(total, language) });
  return (
    <DataTable
      testId={testId}
      className={`import-problems ${severity}`}
      scroll={caption}
      caption={
        <>
          {caption}
          {problems.length < total && <> {t('datasets.problems.shownFirst', { n: formatCount(problems.length, language), total: formatCount(total, language) })}</>}
        </>
      }
      columns={[
        { label: t('datasets.problems.line'), numeric: true },
        { label: t('datasets.problems.column') },
        { label: t('datasets.problems.raw') },
        { label: t('datasets.problems.what') },
        { label: t('datasets.problems.expected') },
        onExclude !== undefined && { label: t('datasets.problems.action') },
      ]}
    >
      {problems.map((p, i) => (
        <tr key={`${p.code}-${p.line ?? 'f'}-${p.column ?? 'r'}-${i}`} data-line={p.line ?? undefined}>
          <td className="num">{p.line === null ? t('datasets.problems.wholeFile') : formatCount(p.line, language)}</td>
          <td>
            {p.column === null ? '—' : formatCount(p.column, language)}
            {p.columnName ? <> ({p.columnName})</> : null}
          </td>
          <td>{p.raw === '' ? <span className="hint">{t('datasets.problems.emptyRaw')}</span> : <code>{p.raw}</code>}</td>
          <td>
            {t(`datasets.problemCodes.${p.code}`)}
            <span className="hint import-detail">{say(p.what)}</span>
          </td>
          <td>{say(p.expects)}</td>
          {onExclude && (
            <td>
              {p.line !== null && (
                <button type="button" className="button small" disabled={disabled} onClick={() => onExclude(p.line!)}>
                  {t('datasets.problems.exclude', { line: p.line })}
                </button>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
