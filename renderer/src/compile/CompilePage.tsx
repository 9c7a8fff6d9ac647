// Compile: add several units' answer files for one request, see every warning explained, the compiled answer per
// region, healthcare region and for Sweden (protected counts as intervals), the contributing units, and save the
// compiled answer as a file. All the arithmetic is shared/answer-file/compile.ts; this page only reads and shows.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CompileError,
  compileAnswers,
  compileWarningText,
  figureText,
  parseAnswerFile,
  verifyAnswerFileHash,
  type AnswerFile,
  type AnswerFileIssue,
  type CompiledAnswer,
  type CompiledFigure,
  unitBasisText,
} from '../../../shared/answer-file';
import { regionName, healthcareRegionName } from '../../../shared/regions/regions';
import { useServices } from '../context';
import { formatCount, formatIsoDate, formatPercent } from '../format';
import { EmptyState } from '../ui/EmptyState';
import { reinsertAt, useUndo } from '../ui/undo';
import { DataTable } from '../ui/DataTable';
import { StatusLine } from '../ui/StatusLine';

const JSON_FILTERS = [
  { nameKey: 'files.json', extensions: ['json'] },
  { nameKey: 'files.all', extensions: ['*'] },
];

/** How many reading problems of one file are listed before "… and N more". */
const MAX_ISSUES_SHOWN = 8;

interface Added {
  /** Position-independent key: the file's content hash plus the order it was added in. */
  key: string;
  name: string;
  file: AnswerFile;
}

type Problem = { title: string; lines: string[] };

type Translate = ReturnType<typeof useTranslation>['t'];

function FigureCells({ figure, compiled }: { figure: CompiledFigure | null; compiled: CompiledAnswer }) {
  const { t } = useTranslation();
  const { language } = useServices();
  if (!figure) return <td colSpan={2}>{t('compile.notAnswered')}</td>;
  if (!figure.printed) return <td colSpan={2}>{figure.reason === 'no-answers' ? t('compile.noAnswers') : t('compile.withheld')}</td>;
  const text = figureText(figure, compiled.policy, (n) => formatCount(n, language));
  return (
    <>
      <td className="num">{text.point}</td>
      <td className="num">{text.interval}</td>
    </>
  );
}

/** One reading problem: where (line and column, or the JSON path), what was found and what was expected. */
function issueText(issue: AnswerFileIssue, t: Translate): string {
  if (issue.line !== undefined) {
    const found = issue.found.startsWith('"') ? issue.found : t('compile.endOfText');
    return t('compile.issueSyntax', { line: issue.line, column: issue.column ?? 1, found });
  }
  return t('compile.issueShape', { path: issue.path || t('compile.wholeFile'), expected: issue.expected, found: issue.found });
}

/** Decodes and checks one opened file: the answer file, or what is wrong with it. */
function readAnswer(name: string, bytes: Uint8Array, t: Translate): { file: AnswerFile } | { problem: Problem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: { title: t('compile.notText', { name }), lines: [] } };
  }
  const parsed = parseAnswerFile(text);
  if (!parsed.ok) {
    const lines = parsed.issues.slice(0, MAX_ISSUES_SHOWN).map((i) => issueText(i, t));
    if (parsed.issues.length > MAX_ISSUES_SHOWN) lines.push(t('compile.moreIssues', { count: parsed.issues.length - MAX_ISSUES_SHOWN }));
    return { problem: { title: t('compile.rejected', { name }), lines } };
  }
  if (!verifyAnswerFileHash(parsed.file)) return { problem: { title: t('compile.tampered', { name }), lines: [] } };
  return { file: parsed.file };
}

type Compiled = { compiled: CompiledAnswer } | { error: CompileError } | { failure: string };

async function compile(files: readonly Added[], now: Date): Promise<Compiled> {
  try {
    return { compiled: await compileAnswers(files.map((f) => f.file), { compiledAt: now }) };
  } catch (error) {
    if (error instanceof CompileError) return { error };
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}

/** The compilation of the files as they are now (null while it is being made or when there are none). */
function useCompiled(files: readonly Added[], changedAt: Date): Compiled | null {
  const [done, setDone] = useState<{ files: readonly Added[]; result: Compiled } | null>(null);
  useEffect(() => {
    if (files.length === 0) return;
    let live = true;
    void compile(files, changedAt).then((result) => live && setDone({ files, result }));
    return () => {
      live = false;
    };
  }, [files, changedAt]);
  // A result made for another list of files is never shown (nor exported).
  return done && done.files === files ? done.result : null;
}

export function CompilePage() {
  const { t } = useTranslation();
  const { platform, language, now } = useServices();
  const [files, setFiles] = useState<Added[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');
  const [counter, setCounter] = useState(0);
  const ids = { files: useId(), warnings: useId(), units: useId(), regions: useId(), totals: useId(), clinics: useId() };
  // The compilation's moment is the time of the last change to the file list.
  const [changedAt, setChangedAt] = useState(() => now());
  const result = useCompiled(files, changedAt);

  const onAdd = async () => {
    setProblem(null);
    const opened = await platform.openFile({ titleKey: 'dialogs.open', filters: JSON_FILTERS });
    if (!opened.ok) {
      if (opened.error.code !== 'cancelled') setProblem({ title: t('compile.openFailed', { detail: t(`errors.${opened.error.code}`) + (opened.error.detail ? ` (${opened.error.detail})` : '') }), lines: [] });
      return;
    }
    const read = readAnswer(opened.value.name, opened.value.bytes, t);
    if ('problem' in read) {
      setProblem(read.problem);
      setStatus('');
      return;
    }
    setFiles((list) => [...list, { key: `${read.file.contentHash}-${counter}`, name: opened.value.name, file: read.file }]);
    setCounter((c) => c + 1);
    setChangedAt(now());
    setStatus(t('compile.added', { name: opened.value.name, unit: read.file.unit.name, count: read.file.regions.length }));
  };

  const undo = useUndo();
  const onRemove = (added: Added) => {
    const index = files.findIndex((f) => f.key === added.key);
    setFiles((list) => list.filter((f) => f.key !== added.key));
    setChangedAt(now());
    setProblem(null);
    setStatus('');
    undo.offer({
      message: t('compile.removed', { name: added.name }),
      restoredMessage: t('actions.compileFile.restored', { name: added.name }),
      undo: () => {
        setFiles((list) => (list.some((f) => f.key === added.key) ? list : reinsertAt(list, added, index)));
        setChangedAt(now());
      },
    });
  };

  const onExport = async (compiled: CompiledAnswer) => {
    const bytes = new TextEncoder().encode(`${JSON.stringify(compiled, null, 2)}\n`);
    const safeReference = compiled.request.reference.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'svar';
    const saved = await platform.saveFile({
      titleKey: 'dialogs.saveAnswer',
      suggestedName: `${safeReference}-sammanstallt-${formatIsoDate(changedAt)}.json`,
      filters: JSON_FILTERS,
      bytes,
    });
    if (saved.ok) setStatus(t('compile.exported', { path: saved.value.path, hash: compiled.contentHash.slice(0, 16) }));
    else if (saved.error.code !== 'cancelled') setProblem({ title: t('compile.openFailed', { detail: t(`errors.${saved.error.code}`) }), lines: [] });
  };

  return (
    <section aria-labelledby="compile-title" className="compile-page">
      <h1 id="compile-title">{t('compile.title')}</h1>
      <p>{t('compile.intro')}</p>
      <StatusLine className="import-status" testId="compile-status">
        {status}
      </StatusLine>
      {problem && (
        <StatusLine as="div" error testId="compile-problem">
          <p>{problem.title}</p>
          {problem.lines.length > 0 && (
            <ul>
              {problem.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </StatusLine>
      )}
      <p>
        <button type="button" className="button" onClick={() => void onAdd()}>
          {t('compile.add')}
        </button>
      </p>

      <h2 id={ids.files}>{t('compile.filesTitle')}</h2>
      {undo.region}
      {files.length === 0 ? (
        <EmptyState level={3} testId="compile-empty" title={t('actions.empty.compile.title')} next={`${t('compile.empty')} ${t('actions.empty.compile.next')}`} action={{ label: t('actions.empty.compile.action'), onPress: () => void onAdd() }} />
      ) : (
        <DataTable scroll={{ labelledBy: ids.files }} testId="compile-files" caption={t('compile.filesCaption')} captionHidden columns={[{ label: t('compile.columns.file') }, { label: t('compile.columns.unit') }, { label: t('compile.columns.regions'), numeric: true }, { label: t('compile.columns.policy') }, { label: t('compile.columns.criteria'), numeric: true }, { label: t('compile.columns.created') }, { label: t('compile.columns.actions') }]}>
          {files.map((f) => (
            <tr key={f.key}>
              <td>{f.name}</td>
              <td>{f.file.unit.name}</td>
              <td className="num">{formatCount(f.file.regions.length, language)}</td>
              <td>{f.file.policy.name}</td>
              <td className="num">{formatCount(f.file.criteria.studyVersion, language)}</td>
              <td>{formatIsoDate(new Date(f.file.createdAt))}</td>
              <td>
                <button type="button" className="button small" onClick={() => onRemove(f)}>
                  {t('compile.remove')}
                  <span className="visually-hidden"> {t('compile.forFile', { name: f.name })}</span>
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {result && 'failure' in result && (
        <StatusLine error>
          {t('compile.failed', { detail: result.failure })}
        </StatusLine>
      )}
      {result && 'error' in result && (
        <StatusLine error testId="compile-error">
          {t(`compile.errors.${result.error.code}`, result.error.params)}
        </StatusLine>
      )}
      {result && 'compiled' in result && <CompiledView compiled={result.compiled} ids={ids} onExport={() => void onExport(result.compiled)} />}
    </section>
  );
}

function CompiledView({ compiled, ids, onExport }: { compiled: CompiledAnswer; ids: Record<'warnings' | 'units' | 'regions' | 'totals' | 'clinics', string>; onExport: () => void }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const sodraShare = compiled.hallandRule.kind === 'population-split' ? compiled.hallandRule.sodraShare : compiled.hallandRule.healthcareRegion === 'sodra' ? 1 : 0;
  return (
    <div data-testid="compiled">
      {compiled.provenance.some((p) => p.synthetic) && (
        <p>
          <span className="badge badge-demo">{t('app.demoBadge')}</span>
        </p>
      )}
      <p>{t('compile.request', { title: compiled.request.title, reference: compiled.request.reference })}</p>
      <p>
        {t('compile.criteria', { version: formatCount(compiled.criteria.studyVersion, language), hash: compiled.criteria.hash.slice(0, 12) })}
        {' · '}
        {t('compile.basis', { value: unitBasisText(compiled.basis, language) })}
        {' · '}
        {t('compile.policy', { policy: `${compiled.policy.name} (${compiled.policy.version})` })}
      </p>

      {compiled.warnings.length > 0 && (
        <>
          <h2 id={ids.warnings}>{t('compile.warningsTitle')}</h2>
          <ul data-testid="compile-warnings" aria-labelledby={ids.warnings}>
            {compiled.warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                {compileWarningText(w, language)}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id={ids.units}>{t('compile.unitsTitle')}</h2>
      <DataTable scroll={{ labelledBy: ids.units }} testId="compile-units" caption={t('compile.unitsCaption')} captionHidden columns={[{ label: t('compile.columns.unit') }, { label: t('compile.columns.regions') }, { label: t('compile.columns.policy') }, { label: t('compile.columns.counted') }]}>
        {compiled.units.map((u, i) => (
          <tr key={i}>
            <th scope="row">{u.name}</th>
            <td>{u.regions.map((c) => regionName(c, language)).join(', ')}</td>
            <td>{u.policy.name}</td>
            <td>{u.counted ? t('compile.yes') : t(`compile.excluded.${u.excludedBecause!}`)}</td>
          </tr>
        ))}
      </DataTable>

      <h2 id={ids.totals}>{t('compile.totalsTitle')}</h2>
      <DataTable scroll={{ labelledBy: ids.totals }} testId="compile-totals" caption={t('compile.totalsCaption')} captionHidden columns={[{ label: t('compile.columns.healthcareRegion') }, { label: t('compile.columns.point'), numeric: true }, { label: t('compile.columns.interval'), numeric: true }, { label: t('compile.columns.missing') }]}>
        {compiled.healthcareRegions.map((h) => (
          <tr key={h.id}>
            <th scope="row">{healthcareRegionName(h.id, language)}</th>
            <FigureCells figure={h.figure} compiled={compiled} />
            <td>{h.missingRegions.map((c) => regionName(c, language)).join(', ')}</td>
          </tr>
        ))}
        <tr className="total-row">
          <th scope="row">{t('compile.national')}</th>
          <FigureCells figure={compiled.national.figure} compiled={compiled} />
          <td>{compiled.national.missingRegions.map((c) => regionName(c, language)).join(', ')}</td>
        </tr>
      </DataTable>
      <p className="hint">{t('compile.hallandNote', { sodra: formatPercent(sodraShare, language), vastra: formatPercent(1 - sodraShare, language) })}</p>
      <p className="hint">{t('compile.intervalNote')}</p>

      <h2 id={ids.regions}>{t('compile.regionsTitle')}</h2>
      <DataTable scroll={{ labelledBy: ids.regions }} testId="compile-regions" caption={t('compile.regionsCaption')} captionHidden columns={[{ label: t('compile.columns.region') }, { label: t('compile.columns.answeredBy') }, { label: t('compile.columns.point'), numeric: true }, { label: t('compile.columns.interval'), numeric: true }]}>
        {compiled.regions.map((r) => (
          <tr key={r.region}>
            <th scope="row">{regionName(r.region, language)}</th>
            <td>{r.answers.map((a) => `${a.unit} (${a.texts.point})`).join(t('compile.and'))}</td>
            <FigureCells figure={r.figure} compiled={compiled} />
          </tr>
        ))}
      </DataTable>

      {compiled.clinics.length > 0 && (
        <>
          <h2 id={ids.clinics}>{t('compile.clinicsTitle')}</h2>
          <DataTable scroll={{ labelledBy: ids.clinics }} caption={t('compile.clinicsCaption')} captionHidden columns={[{ label: t('compile.columns.name') }, { label: t('compile.columns.region') }, { label: t('compile.columns.unit') }, { label: t('compile.columns.contact') }]}>
            {compiled.clinics.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.name}</th>
                <td>{regionName(c.region, language)}</td>
                <td>{c.unit}</td>
                <td>{c.contact ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}

      {compiled.disclosure.ok ? (
        <p data-testid="compile-disclosure">{t('compile.disclosureOk', { policy: compiled.policy.name })}</p>
      ) : (
        <StatusLine as="div" error testId="compile-disclosure">
          <p>{t('compile.disclosureFailed')}</p>
          <ul>
            {compiled.disclosure.violations.map((v, i) => (
              <li key={i}>{v[language]}</li>
            ))}
          </ul>
        </StatusLine>
      )}
      <p>
        <button type="button" className="button primary" onClick={onExport} disabled={!compiled.disclosure.ok}>
          {t('compile.export')}
        </button>
      </p>
      <p className="hint">{t('compile.letterNote')}</p>
    </div>
  );
}
