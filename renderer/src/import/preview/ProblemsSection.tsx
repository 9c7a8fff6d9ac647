// Every problem with its line, column, raw value and what was expected; a line with an error can be excluded.
import { useTranslation } from 'react-i18next';
import { withExcludedLine } from '../mapping-edit';
import { ProblemTable } from '../ProblemTable';
import type { MappingEditProps } from './props';

export function ProblemsSection({ view, locked, onMapping }: MappingEditProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('datasets.preview.problems')}</h3>
      {view.errorCount === 0 && view.warningCount === 0 && <p data-testid="no-problems">{t('datasets.preview.noProblems')}</p>}
      <ProblemTable
        problems={view.errors}
        total={view.errorCount}
        severity="error"
        testId="import-errors"
        disabled={locked}
        onExclude={(line) => onMapping(withExcludedLine(view.mapping, line, true))}
      />
      <ProblemTable problems={view.warnings} total={view.warningCount} severity="warning" testId="import-warnings" />
      {view.mapping.excludeLines.length > 0 && (
        <div data-testid="excluded-lines">
          <h4>{t('datasets.preview.excluded')}</h4>
          <p className="hint">{t('datasets.preview.excludedHint')}</p>
          <ul className="import-inline-list">
            {view.mapping.excludeLines.map((line) => (
              <li key={line}>
                {t('datasets.preview.line', { line })}{' '}
                <button type="button" className="button small" disabled={locked} onClick={() => onMapping(withExcludedLine(view.mapping, line, false))}>
                  {t('datasets.preview.include', { line })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
