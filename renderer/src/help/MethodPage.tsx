/**
 * The method page: the same sections the letter's method section is built from (shared/method),
 * worded with the parameters of the last opened answer — its criteria, recruitment model, verdict thresholds and
 * the disclosure policy in force — so what the page says is what that answer's letter says. Without an answer
 * (or while it cannot be read) every section is worded generically. Sections that do not apply to the answer are
 * still shown, generically and marked as not in its letter. `#/method/<section>` scrolls to and focuses a section.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosurePolicy } from '../../../shared/disclosure';
import { methodInputs, methodSections, type MethodInputs } from '../../../shared/method';
import { useServices } from '../context';
import { policyErrorText } from '../disclosure/policy-error-text';
import { loadDisclosurePolicy } from '../settings/disclosure-policy';
import { routeHash } from '../shell/route';
import { useStudyWorkspace } from '../study/useStudyWorkspace';
import './help.css';
import { Loading } from '../ui/StatusLine';

type Basis = { kind: 'loading' } | { kind: 'answer'; inputs: MethodInputs; title: string; version: number } | { kind: 'generic'; error?: string };

/** The answer the page describes: the last opened study's, computed in the estimate worker like on its page. */
function useMethodBasis(studyId: string | undefined): Basis {
  const { t } = useTranslation();
  const { db, now } = useServices();
  const { state } = useStudyWorkspace(db, studyId, now);
  const [policy, setPolicy] = useState<DisclosurePolicy | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadDisclosurePolicy(db).then(
      (p) => live && setPolicy(p),
      (e: unknown) => live && setPolicy({ error: policyErrorText(t, e) }),
    );
    return () => {
      live = false;
    };
  }, [db, t]);
  if (state.status === 'empty') return { kind: 'generic' };
  if (state.status === 'error') return { kind: 'generic', error: state.detail };
  if (policy && 'error' in policy) return { kind: 'generic', error: policy.error };
  if (state.status === 'loading' || policy === null) return { kind: 'loading' };
  if (state.computeError) return { kind: 'generic', error: state.computeError };
  if (!state.answer) return { kind: 'loading' };
  return { kind: 'answer', inputs: methodInputs(state.study, state.answer, policy), title: state.study.title, version: state.study.version };
}

export function MethodPage({ section, studyId }: { section?: string; studyId?: string }) {
  const { t } = useTranslation();
  const { language } = useServices();
  const basis = useMethodBasis(studyId);
  const ready = basis.kind !== 'loading';

  useEffect(() => {
    if (!ready || !section) return;
    // After the app's own focus move to <main> on navigation (also scheduled for the next frame).
    const frame = requestAnimationFrame(() => {
      const heading = document.getElementById(`method-${section}`);
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, section]);

  if (basis.kind === 'loading') return <Loading />;
  const inputs = basis.kind === 'answer' ? basis.inputs : null;
  const sections = methodSections(language, inputs);
  return (
    <article className="method-page" aria-labelledby="method-title" data-testid="method-page">
      <h1 id="method-title">{t('help.method.title')}</h1>
      <p>{t('help.method.intro')}</p>
      <p className="hint" data-testid="method-basis">
        {basis.kind === 'answer'
          ? t('help.method.current', { title: basis.title, version: basis.version })
          : basis.error
            ? t('help.method.loadError', { detail: basis.error })
            : t('help.method.generic')}
      </p>
      <nav aria-labelledby="method-contents">
        <h2 id="method-contents">{t('help.method.contents')}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${routeHash({ page: 'method', section: s.id })}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`method-${s.id}`} data-testid={`method-section-${s.id}`} data-applies={s.applies}>
          <h2 id={`method-${s.id}`} tabIndex={-1}>
            {s.title}
          </h2>
          {inputs && !s.applies && <p className="hint method-not-applied">{t('help.method.notApplied')}</p>}
          {s.paragraphs.map((p, i) => (
            <p key={i} className="method-paragraph">
              {p}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
