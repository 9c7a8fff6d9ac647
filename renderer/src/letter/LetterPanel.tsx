// The letter panel under an answer: choose the letter's language, preview the PDF itself, export it (save dialog
// with an atomic write on the desktop, a download in the browser). Every exported letter is stored with its hash
// and written to the audit trail; disclosure control can refuse a letter, naming the cells.
import { WorkProgress } from '../ui/WorkProgress';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import { StoredPolicyError } from '../../../shared/disclosure';
import { letterFileName } from '../../../shared/letter/file-name';
import { missingGlyphText } from '../../../shared/letter/glyph-texts';
// The errors alone: this page never loads the PDF engine (the letter worker does).
import { LetterDisclosureError, LetterGlyphError } from '../../../shared/letter/errors';
import type { Answer } from '../answer/answer';
import { useServices } from '../context';
import { formatBytes } from '../format';
import { policyErrorText } from '../disclosure/policy-error-text';
import { buildLetterSnapshot, LetterNotReadyError } from './letter-snapshot';
import { LetterPreview } from './LetterPreview';
import type { Readiness } from '../../../shared/letter/readiness';
import { readinessProblemText } from '../../../shared/letter/readiness-texts';
import { hashJson } from '../../../shared/utils/stable-json';
import { LetterRenderer } from './letter-client';
import { recordExportedLetter } from './letter-store';
import { StoredLetters } from './StoredLetters';
import './letter.css';
import { LANGUAGES, type Language } from '../../../shared/text/language';
import { StatusLine } from '../ui/StatusLine';

interface Rendered {
  key: string;
  snapshot: AnswerSnapshot;
  requestId?: string;
  bytes: Uint8Array;
}

type Busy = 'preview' | 'export' | null;

/**
 * `readiness`: the letter's readiness checklist as shown above the panel; while it fails, preview and export are
 * disabled (and the export checks again on what is stored, so nothing unready leaves). `beforeExport` writes edits
 * still waiting for their autosave first. `onExported` is called after each stored export.
 */
export function LetterPanel({
  answer,
  stale = false,
  readiness,
  beforeExport,
  onExported,
}: {
  answer: Answer;
  stale?: boolean;
  readiness: Readiness;
  beforeExport?: () => Promise<void>;
  onExported?: () => void;
}) {
  const blocked = !readiness.ready;
  const { t } = useTranslation();
  const { db, platform, language: uiLanguage, now } = useServices();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  /** The letter shown in the preview (the bytes that would be exported), or null. */
  const [previewed, setPreviewed] = useState<Rendered | null>(null);
  const [exportCount, setExportCount] = useState(0);
  const rendered = useRef<Rendered | null>(null);
  const renderer = useRef<LetterRenderer | null>(null);
  /** While the PDF is being laid out (not while the save dialog is open): progress with a Cancel. */
  const [rendering, setRendering] = useState(false);
  const cancelled = useRef(false);
  // The rendered letter belongs to this answer in this language; anything else is rendered anew.
  const key = `${answer.estimate.inputHash}:${answer.study.id}@${answer.study.version}:${language}`;

  useEffect(() => {
    if (rendered.current && !rendered.current.key.startsWith(`${key}:`)) {
      rendered.current = null;
      setPreviewed(null);
    }
  }, [key]);
  /** Whether the user has asked for a letter in this panel (then no further letter is made ahead). */
  const asked = useRef(false);
  /** The letter being made now (asked for, or made ahead), by its content key: a second ask waits for it. */
  const making = useRef<{ key: string; promise: Promise<Rendered> } | null>(null);

  // Everything but the moment (the letter date stays: a letter made yesterday is not today's letter).
  const contentKeyOf = (snapshot: AnswerSnapshot): string => {
    const { contentHash: _hash, createdAt: _at, ...content } = snapshot;
    return `${key}:${hashJson(content)}`;
  };

  /** The letter of this snapshot: the one already made from the same content, the one being made, or a new one. */
  const renderSnapshot = (snapshot: AnswerSnapshot, requestId: string | undefined): Promise<Rendered> => {
    const contentKey = contentKeyOf(snapshot);
    if (rendered.current?.key === contentKey) return Promise.resolve(rendered.current);
    if (making.current?.key === contentKey) return making.current.promise;
    renderer.current ??= new LetterRenderer();
    const promise = renderer.current.render(snapshot).then((bytes) => {
      const made: Rendered = { key: contentKey, snapshot, bytes, ...(requestId ? { requestId } : {}) };
      // Kept only while it is this answer's letter (a letter made ahead may finish after an edit).
      if (contentKey.startsWith(`${latest.current.key}:`)) rendered.current = made;
      return made;
    });
    making.current = { key: contentKey, promise };
    const settled = () => {
      if (making.current?.promise === promise) making.current = null;
    };
    promise.then(settled, settled);
    return promise;
  };
  // What the panel shows now, for the callbacks below that run later (a letter finishing, the idle-time start).
  const latest = useRef({ key, answer, language, renderSnapshot });
  useEffect(() => {
    latest.current = { key, answer, language, renderSnapshot };
  });

  useEffect(() => {
    // The worker is started once the page has settled (the first answer is on screen and the browser is idle), so
    // the letter engine loads while the user reads the answer, not when the first letter is asked for. Then, still
    // in idle time and in the worker, this answer's letter is made ahead: every code path a letter takes (the
    // disclosure control and its solver, the layout of each kind of block, the map, the PDF encoding) is then
    // compiled, so the first letter asked for costs what later ones do; and when that letter has the same content
    // (everything but the moment), its bytes are the ones already made. Nothing is shown or stored from it.
    const start = () => {
      if (typeof Worker === 'undefined') return; // the first letter reports it
      renderer.current ??= new LetterRenderer();
      renderer.current.warm();
      const { answer: settled, language: chosen } = latest.current;
      const other = LANGUAGES.find((l) => l !== chosen) ?? chosen;
      // Then the same letter in the other language, thrown away: one letter leaves much of the engine's code still
      // being compiled, and the other language's words are shaped too.
      // Not once a letter has been asked for: it would only make a later one wait.
      const warmOther = () => (asked.current ? undefined : buildLetterSnapshot(db, settled, other, now(), { requireReady: false }).then(({ snapshot }) => (asked.current ? undefined : renderer.current?.render(snapshot))));
      buildLetterSnapshot(db, settled, chosen, now(), { requireReady: false })
        .then(({ snapshot, requestId }) => latest.current.renderSnapshot(snapshot, requestId))
        .then(warmOther, warmOther)
        // A letter made ahead that fails is not reported: the letter asked for says why, if it fails again.
        .catch(() => undefined);
    };
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 2000 }) : null;
    const timer = idle === null ? setTimeout(start, 500) : null;
    return () => {
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
      renderer.current?.dispose();
      renderer.current = null;
      making.current = null;
    };
    // Once per panel (db and the clock are the app's, fixed for its life).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const describeError = (e: unknown): string => {
    if (e instanceof LetterDisclosureError) return t('letter.errors.disclosure', { cells: e.findings.map((f) => f.label[uiLanguage]).join(', '), detail: e.findings.map((f) => f.message[uiLanguage]).join(' ') });
    if (e instanceof LetterGlyphError) return missingGlyphText(e.missing, uiLanguage);
    if (e instanceof StoredPolicyError) return t('letter.errors.policy', { detail: policyErrorText(t, e) });
    if (e instanceof LetterNotReadyError) return t('letter.errors.notReady', { problems: e.problems.map((p) => readinessProblemText(p, uiLanguage)).join(' ') });
    return t('letter.errors.render', { detail: e instanceof Error ? e.message : String(e) });
  };

  const render = async (): Promise<Rendered> => {
    asked.current = true;
    await beforeExport?.();
    // Built afresh every time (it is cheap): the request's answers, references or the unit profile may have changed
    // since the preview. The previewed PDF is reused only when everything but the moment is the same.
    const { snapshot, requestId } = await buildLetterSnapshot(db, answer, language, now());
    if (rendered.current?.key === contentKeyOf(snapshot)) return rendered.current;
    setRendering(true);
    return renderSnapshot(snapshot, requestId).finally(() => setRendering(false));
  };

  // Cancel stops the worker (pdfmake is loaded again for the next letter); nothing has been stored or saved yet.
  const cancelRendering = () => {
    cancelled.current = true;
    renderer.current?.dispose();
    renderer.current = null;
  };
  const failed = (e: unknown) => {
    setStatus(cancelled.current ? t('actions.progress.cancelled') : '');
    if (!cancelled.current) setError(describeError(e));
  };

  const preview = async () => {
    cancelled.current = false;
    setBusy('preview');
    setError('');
    setStatus(t('letter.rendering'));
    try {
      const letter = await render();
      setPreviewed(letter);
      setStatus(t('letter.previewReady', { size: formatBytes(letter.bytes.byteLength, uiLanguage) }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  const exportLetter = async () => {
    cancelled.current = false;
    setBusy('export');
    setError('');
    setStatus(t('letter.rendering'));
    try {
      const letter = await render();
      const fileName = letterFileName(letter.snapshot);
      const saved = await platform.saveFile({ titleKey: 'dialogs.saveLetter', suggestedName: fileName, filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }], bytes: letter.bytes });
      if (!saved.ok) {
        setStatus('');
        if (saved.error.code !== 'cancelled') setError(t('letter.errors.save', { detail: t(`errors.${saved.error.code}`) }));
        return;
      }
      const record = await recordExportedLetter(
        db,
        { snapshot: letter.snapshot, bytes: letter.bytes, fileName, summary: t('letter.auditExported', { file: fileName }), savedAs: saved.value.path, ...(letter.requestId ? { requestId: letter.requestId } : {}), ...(letter.snapshot.unit.signatoryName ? { actor: letter.snapshot.unit.signatoryName } : {}) },
        now(),
      );
      setStatus(t('letter.exported', { path: saved.value.path, sha: record.sha256 }));
      setExportCount((n) => n + 1);
      onExported?.();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="letter-panel" aria-labelledby="letter-title" data-testid="letter-panel">
      <h2 id="letter-title">{t('letter.title')}</h2>
      <p className="hint">{t('letter.intro')}</p>
      <div className="letter-actions">
        <label>
          {t('letter.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} disabled={busy !== null} data-testid="letter-language">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`letter.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void preview()} disabled={busy !== null || stale || blocked}>
          {t('letter.preview')}
        </button>
        <button type="button" onClick={() => void exportLetter()} disabled={busy !== null || stale || blocked}>
          {t('letter.export')}
        </button>
      </div>
      {rendering && <WorkProgress label={t('letter.rendering')} onCancel={cancelRendering} testId="letter-progress" />}
      <StatusLine hint testId="letter-status">
        {stale ? t('letter.waitForAnswer') : blocked && !status ? t('letter.blocked') : status}
      </StatusLine>
      {error && (
        <StatusLine error testId="letter-error">
          {error}
        </StatusLine>
      )}
      {previewed && <LetterPreview key={`${previewed.key}:${previewed.snapshot.contentHash}`} bytes={previewed.bytes} title={t('letter.previewTitle')} />}
      <StoredLetters studyId={answer.study.id} refreshKey={exportCount} />
    </section>
  );
}
