import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncodingOverride, ImportMapping, MaskMeaning } from '../../../shared/import';
import type { Delimiter } from '../../../shared/import/sniff-dialect';
import { useServices } from '../context';
import { formatBytes, formatCount, formatDecimal, formatIsoDate } from '../format';
import { delimiterKey, displayDimensionValue, lineEndingKey } from './display';
import type { ReadOptions } from './import-protocol';
import { type FormProblems, type ImportForm, keptMeasures } from './import-form';
import {
  type ColumnContext,
  isRoleChoice,
  maskMeaning,
  NUMBER_FORMATS,
  numberFormatChoice,
  numberFormatOf,
  ROLE_CHOICES,
  roleOf,
  withExcludedLine,
  withMaskToken,
  withNumberFormat,
  withRole,
} from './mapping-edit';
import type { ImportPreset } from './presets';
import type { PreviewView, TokenFound } from './preview-view';
import { ProblemTable } from './ProblemTable';
import { EvidenceText } from './EvidenceText';
import { usePhraseText } from './phrase-text';

const ENCODINGS: readonly EncodingOverride[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

export interface PreviewPanelProps {
  view: PreviewView;
  readOptions: ReadOptions;
  busy: boolean;
  committing: boolean;
  form: ImportForm;
  /** Shown after the user tried to import. */
  formProblems: FormProblems;
  duplicateOf: readonly string[];
  presetUsed: ImportPreset | null;
  commitError: string | null;
  onReadOptions(options: ReadOptions): void;
  onMapping(mapping: ImportMapping): void;
  onUseDetected(): void;
  onForm(form: ImportForm): void;
  onCommit(): void;
  onCancel(): void;
}

/** The import preview: how the file was read and why, what each column means, problems, first rows, and the form. */
export function ImportPreviewPanel(props: PreviewPanelProps) {
  const { t } = useTranslation();
  const { language } = useServices();
  const say = usePhraseText();
  const { view, busy, committing } = props;
  const headingId = useId();
  const locked = busy || committing;
  const context: ColumnContext = { headers: view.columns.map((c) => c.header), proposed: view.proposedMapping, delimiter: view.dialect?.delimiter ?? null };

  return (
    <section className="panel import-preview" aria-labelledby={headingId} aria-busy={busy} data-testid="import-preview">
      <h2 id={headingId}>{t('datasets.preview.title', { file: view.file.name })}</h2>
      <p className="hint">
        {view.sample.complete
          ? t('datasets.preview.fileFacts', { size: formatBytes(view.file.size, language), rows: formatCount(view.bodyRows, language) })
          : t('datasets.preview.fileFactsLarge', { size: formatBytes(view.file.size, language) })}
      </p>
      {!view.sample.complete && (
        <p className="import-note" data-testid="preview-sampled">
          {t('datasets.preview.sampled', { records: formatCount(view.sample.records, language), rows: formatCount(view.sample.estimatedRows, language) })}
        </p>
      )}
      {busy && (
        <p className="hint" role="status">
          {t('datasets.preview.updating')}
        </p>
      )}
      {props.presetUsed && (
        <div className="import-note" role="note">
          <p>{t('datasets.preset.applied', { file: props.presetUsed.fileName, date: formatIsoDate(new Date(props.presetUsed.savedAt)) })}</p>
          <button type="button" className="button small" disabled={locked} onClick={props.onUseDetected}>
            {t('datasets.preset.useDetected')}
          </button>
        </div>
      )}
      {props.duplicateOf.length > 0 && (
        <div className="import-warning" role="alert" data-testid="duplicate-warning">
          <p>{t('datasets.preview.duplicate', { names: props.duplicateOf.join(', ') })}</p>
        </div>
      )}

      <ReadSettings {...props} locked={locked} />

      {view.notes.length > 0 && (
        <>
          <h3>{t('datasets.preview.notes')}</h3>
          <ul className="import-notes" data-testid="import-notes">
            {view.notes.map((n) => (
              <li key={n.line}>
                {t('datasets.preview.note', { line: n.line, kind: t(`datasets.noteKinds.${n.kind}`) })} <q>{n.text}</q>
              </li>
            ))}
          </ul>
        </>
      )}

      {view.columns.length > 0 && (
        <>
          <h3>{t('datasets.preview.columns')}</h3>
          <p className="hint">{t('datasets.preview.columnsHint')}</p>
          <div className="import-scroll" role="region" aria-label={t('datasets.preview.columns')} tabIndex={0}>
            <table className="data-table import-columns" data-testid="import-columns">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">{t('datasets.preview.header')}</th>
                  <th scope="col">{t('datasets.preview.sample')}</th>
                  <th scope="col">{t('datasets.preview.role')}</th>
                  <th scope="col">{t('datasets.preview.numberFormat')}</th>
                  <th scope="col">{t('datasets.preview.evidence')}</th>
                </tr>
              </thead>
              <tbody>
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
                              if (isRoleChoice(e.target.value)) props.onMapping(withRole(view.mapping, i, e.target.value, context));
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
                                if (choice) props.onMapping(withNumberFormat(view.mapping, i, numberFormatOf(choice)));
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
              </tbody>
            </table>
          </div>
        </>
      )}

      <ValuesFound {...props} locked={locked} />

      <h3>{t('datasets.preview.problems')}</h3>
      {view.errorCount === 0 && view.warningCount === 0 && <p data-testid="no-problems">{t('datasets.preview.noProblems')}</p>}
      <ProblemTable
        problems={view.errors}
        total={view.errorCount}
        severity="error"
        testId="import-errors"
        disabled={locked}
        onExclude={(line) => props.onMapping(withExcludedLine(view.mapping, line, true))}
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
                <button type="button" className="button small" disabled={locked} onClick={() => props.onMapping(withExcludedLine(view.mapping, line, false))}>
                  {t('datasets.preview.include', { line })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <FirstRows view={view} />
      <CommitForm {...props} locked={locked} />
    </section>
  );
}

function ReadSettings(props: PreviewPanelProps & { locked: boolean }) {
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

function ValuesFound(props: PreviewPanelProps & { locked: boolean }) {
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
      {view.tokens.length > 0 && (
        <div className="import-scroll" role="region" aria-label={t('datasets.preview.tokens')} tabIndex={0}>
          <table className="data-table import-tokens" data-testid="import-tokens">
            <caption>{t('datasets.preview.tokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('datasets.preview.token')}</th>
                <th scope="col">{t('datasets.preview.tokenLow')}</th>
                <th scope="col">{t('datasets.preview.tokenHigh')}</th>
                <th scope="col">{t('datasets.preview.tokenMeaning')}</th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <TokenRow
                  key={`${token.token}-${token.meaning?.low ?? ''}-${token.meaning?.high ?? ''}`}
                  token={token}
                  disabled={props.locked}
                  onChange={(meaning) => props.onMapping(withMaskToken(view.mapping, token.token, meaning))}
                />
              ))}
            </tbody>
          </table>
        </div>
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
      <td>
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="import-number"
          aria-label={t('datasets.preview.tokenLowFor', { token: token.token })}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          value={low}
          disabled={disabled}
          onChange={(e) => setLow(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
      </td>
      <td>
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className="import-number"
          aria-label={t('datasets.preview.tokenHighFor', { token: token.token })}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          value={high}
          disabled={disabled}
          onChange={(e) => setHigh(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
      </td>
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
        {invalid && (
          <p id={errorId} className="field-error">
            {t('datasets.preview.tokenInvalid')}
          </p>
        )}
      </td>
    </tr>
  );
}

function FirstRows({ view }: { view: PreviewView }) {
  const { t } = useTranslation();
  const { language } = useServices();
  if (view.firstRows.length === 0) return null;
  const dims = view.mapping.columns.flatMap((c) => (c.kind === 'dimension' ? [c] : []));
  const measureHeaders = Object.keys(view.firstRows[0]!.measures);
  return (
    <>
      <h3>{t('datasets.preview.firstRows')}</h3>
      <div className="import-scroll" role="region" aria-label={t('datasets.preview.firstRows')} tabIndex={0}>
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
      </div>
    </>
  );
}

function CommitForm(props: PreviewPanelProps & { locked: boolean }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const { view, form, formProblems: problems, locked } = props;
  const ids = {
    name: useId(),
    publisher: useId(),
    extractedAt: useId(),
    coverage: useId(),
    notes: useId(),
    errors: useId(),
  };
  const set = (patch: Partial<ImportForm>) => props.onForm({ ...form, ...patch });
  const kept = new Set(keptMeasures(form, view.measures));
  const fieldError = (field: keyof FormProblems, id: string) =>
    problems[field] ? (
      <p id={`${id}-error`} className="field-error">
        {t(`datasets.form.problems.${problems[field]}`)}
      </p>
    ) : null;
  const described = (field: keyof FormProblems, id: string) => (problems[field] ? `${id}-error` : undefined);
  const blocked = view.errorCount > 0;

  return (
    <form
      className="import-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onCommit();
      }}
    >
      <h3>{t('datasets.form.title')}</h3>
      <fieldset className="import-fieldset" aria-describedby={described('keep', ids.name + 'keep')}>
        <legend>{t('datasets.form.measures')}</legend>
        {view.measures.length === 0 && <p>{t('datasets.form.noMeasures')}</p>}
        {view.measures.map((m) => (
          <label key={m.key} className="import-check">
            <input type="checkbox" checked={kept.has(m.key)} disabled={locked} onChange={(e) => set({ keepChoice: { ...form.keepChoice, [m.key]: e.target.checked } })} />{' '}
            {t('datasets.form.measure', {
              name: m.name,
              kind: m.spec.kind === 'count' ? t(`basis.${m.spec.unit ?? 'persons'}`) : t(`datasets.measureKinds.${m.spec.kind}`),
              cells: formatCount(m.cells, language),
            })}
            {m.derivedFrom && <span className="hint"> {t('datasets.form.derived')}</span>}
            {!view.sample.complete && (
              <span className="hint"> {t('datasets.preview.sampledFigure', { records: formatCount(view.sample.records, language), rows: formatCount(view.sample.estimatedRows, language) })}</span>
            )}
          </label>
        ))}
        {fieldError('keep', ids.name + 'keep')}
      </fieldset>

      <label htmlFor={ids.name}>{t('datasets.form.name')}</label>
      <input
        id={ids.name}
        value={form.name}
        required
        aria-invalid={problems.name ? true : undefined}
        aria-describedby={described('name', ids.name) ?? `${ids.name}-hint`}
        onChange={(e) => set({ name: e.target.value })}
      />
      <p id={`${ids.name}-hint`} className="hint">
        {t('datasets.form.nameHint')}
      </p>
      {fieldError('name', ids.name)}

      <label htmlFor={ids.publisher}>{t('datasets.form.publisher')}</label>
      <input
        id={ids.publisher}
        value={form.publisher}
        required
        aria-invalid={problems.publisher ? true : undefined}
        aria-describedby={described('publisher', ids.publisher) ?? `${ids.publisher}-hint`}
        onChange={(e) => set({ publisher: e.target.value })}
      />
      <p id={`${ids.publisher}-hint`} className="hint">
        {t('datasets.form.publisherHint')}
      </p>
      {fieldError('publisher', ids.publisher)}

      <fieldset className="import-fieldset" aria-describedby={described('basisKind', ids.name + 'kind')}>
        <legend>{t('datasets.form.basisKind')}</legend>
        {(['incident', 'prevalent'] as const).map((k) => (
          <label key={k} className="import-check">
            <input type="radio" name={`${ids.name}-kind`} value={k} checked={form.basisKind === k} onChange={() => set({ basisKind: k })} /> {t(`basis.${k}`)}
          </label>
        ))}
        {fieldError('basisKind', ids.name + 'kind')}
      </fieldset>

      <fieldset className="import-fieldset" aria-describedby={described('regionBasis', ids.name + 'region')}>
        <legend>{t('datasets.form.regionBasis')}</legend>
        {(['residence', 'care'] as const).map((k) => (
          <label key={k} className="import-check">
            <input type="radio" name={`${ids.name}-region`} value={k} checked={form.regionBasis === k} onChange={() => set({ regionBasis: k })} /> {t(`basis.${k}`)}
          </label>
        ))}
        {fieldError('regionBasis', ids.name + 'region')}
      </fieldset>

      <label htmlFor={ids.extractedAt}>{t('datasets.form.extractedAt')}</label>
      <input
        id={ids.extractedAt}
        type="date"
        value={form.extractedAt}
        aria-invalid={problems.extractedAt ? true : undefined}
        aria-describedby={described('extractedAt', ids.extractedAt)}
        onChange={(e) => set({ extractedAt: e.target.value })}
      />
      {fieldError('extractedAt', ids.extractedAt)}

      <label htmlFor={ids.coverage}>{t('datasets.form.coverage')}</label>
      <input id={ids.coverage} value={form.coverage} aria-describedby={`${ids.coverage}-hint`} onChange={(e) => set({ coverage: e.target.value })} />
      <p id={`${ids.coverage}-hint`} className="hint">
        {t('datasets.form.coverageHint')}
      </p>

      <label htmlFor={ids.notes}>{t('datasets.form.notes')}</label>
      <textarea id={ids.notes} rows={3} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />

      {props.duplicateOf.length > 0 && (
        <label className="import-check">
          <input
            type="checkbox"
            checked={form.importAgain}
            aria-invalid={problems.importAgain ? true : undefined}
            aria-describedby={described('importAgain', ids.name + 'again')}
            onChange={(e) => set({ importAgain: e.target.checked })}
          />{' '}
          {t('datasets.form.importAgain')}
        </label>
      )}
      {fieldError('importAgain', ids.name + 'again')}

      {Object.keys(problems).length > 0 && (
        <p id={ids.errors} className="field-error" role="alert">
          {t('datasets.form.fixProblems')}
        </p>
      )}
      {blocked && (
        <p className="field-error" data-testid="import-blocked">
          {t('datasets.form.blocked', { n: formatCount(view.errorCount, language) })}
        </p>
      )}
      {props.commitError && (
        <p className="field-error" role="alert" data-testid="commit-error">
          {props.commitError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={blocked || locked || view.personnummer}>
          {props.committing ? t('datasets.form.committing') : t('datasets.form.commit')}
        </button>
        {!props.committing && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('datasets.import.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
