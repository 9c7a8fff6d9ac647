/**
 * The error boundary: when a page (or, around the whole app, anything) fails to render, the user gets a plain
 * explanation, the assurance of what is saved (and what may not be), "Try again", "Reload" and a diagnostic
 * report without confidential content (ui/diagnostic-report.ts) to save and send to whoever supports the app.
 */
import { Component, Fragment, type ErrorInfo, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appVersion } from 'virtual:antal-build-info';
import { useServices, type AppServices } from '../context';
import { parseRoute } from '../shell/route';
import { buildDiagnosticReport, countRows, diagnosticFileName, renderDiagnosticReport } from './diagnostic-report';
import { currentTheme } from '../settings/theme';
import { StatusLine } from './StatusLine';

type Scope = 'page' | 'app';

interface BoundaryProps {
  scope: Scope;
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
  componentStack: string | null;
  /** Bumped by "Try again", so the page is mounted afresh (and loads its data again). */
  attempt: number;
}

export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false, componentStack: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? null });
  }

  private readonly retry = () => this.setState((s) => ({ error: null, failed: false, componentStack: null, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    if (this.state.failed) {
      return <ErrorFallback scope={this.props.scope} error={this.state.error} componentStack={this.state.componentStack} onRetry={this.retry} />;
    }
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}

async function reportText(services: AppServices, scope: Scope, error: unknown, componentStack: string | null): Promise<string> {
  let counts: Record<string, number> = {};
  try {
    counts = await countRows(services.db.tables);
  } catch {
    // A database that cannot be read is itself a finding: the report then says it has no counts.
  }
  return renderDiagnosticReport(
    buildDiagnosticReport({
      appVersion,
      platform: services.platform.kind,
      language: services.language,
      theme: currentTheme(),
      pageKind: parseRoute(window.location.hash).page,
      scope,
      userAgent: navigator.userAgent,
      time: services.now(),
      error,
      componentStack,
      appOrigin: window.location.origin,
      tableRowCounts: counts,
    }),
  );
}

function ErrorFallback({ scope, error, componentStack, onRetry }: { scope: Scope; error: unknown; componentStack: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [report, setReport] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    let live = true;
    void reportText(services, scope, error, componentStack).then((text) => live && setReport(text));
    return () => {
      live = false;
    };
  }, [services, scope, error, componentStack]);

  const save = async () => {
    setStatus(null);
    const text = report ?? (await reportText(services, scope, error, componentStack));
    const result = await services.platform.saveFile({
      titleKey: 'dialogs.export',
      suggestedName: diagnosticFileName(services.now()),
      filters: [{ nameKey: 'files.json', extensions: ['json'] }],
      bytes: new TextEncoder().encode(text),
    });
    if (result.ok) setStatus({ text: t('ui.error.reportSaved', { path: result.value.path }), failed: false });
    else if (result.error.code !== 'cancelled') setStatus({ text: t('ui.error.reportFailed', { reason: t(`errors.${result.error.code}`) }), failed: true });
  };

  return (
    <section className="error-boundary panel" aria-labelledby={headingId} data-testid="error-boundary">
      {/* The fallback replaces the page (or the whole app), so its heading is the page's h1. */}
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {scope === 'page' ? t('ui.error.pageTitle') : t('ui.error.appTitle')}
      </h1>
      <p>{scope === 'page' ? t('ui.error.pageWhat') : t('ui.error.appWhat')}</p>
      <p>{t('ui.error.saved')}</p>
      <p>{t('ui.error.next')}</p>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={onRetry}>
          {t('ui.error.retry')}
        </button>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('ui.error.reload')}
        </button>
        <button type="button" className="button" onClick={() => void save()}>
          {t('ui.error.saveReport')}
        </button>
      </div>
      <StatusLine error={status?.failed === true} hint={status?.failed !== true}>
        {status?.text ?? ''}
      </StatusLine>
      <details className="error-report">
        <summary>{t('ui.error.reportContents')}</summary>
        <p className="hint">{t('ui.error.reportPrivacy')}</p>
        {report && (
          <pre className="error-report-text" tabIndex={0} aria-label={t('ui.error.reportContents')}>
            {report}
          </pre>
        )}
      </details>
    </section>
  );
}
