import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { useServices } from '../context';
import { AnswerPage } from '../answer/AnswerPage';
import { type Route, navSection, parseRoute, routeHash } from './route';
import { useAppCommands, useLastOpenedStudy } from './app-commands';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ThemeToggle } from '../settings/ThemeToggle';
import { lazyNamed } from '../ui/lazy-named';
import { StatusLine, Loading } from '../ui/StatusLine';

// The answer page is the first screen and comes with the app; every other page, and the dialogs, load the first
// time they are opened, so the first answer does not wait for code it does not show.
const AboutDialog = lazyNamed(() => import('./AboutDialog'), 'AboutDialog');
const CompilePage = lazyNamed(() => import('../compile/CompilePage'), 'CompilePage');
const DatasetsPage = lazyNamed(() => import('../datasets/DatasetsPage'), 'DatasetsPage');
const GuidedAnswer = lazyNamed(() => import('../guide/GuidedAnswer'), 'GuidedAnswer');
const RequestsPage = lazyNamed(() => import('../requests/RequestsPage'), 'RequestsPage');
const SettingsPage = lazyNamed(() => import('../settings/SettingsPage'), 'SettingsPage');
const AuditPage = lazyNamed(() => import('../requests/AuditTrail'), 'AuditPage');
const RequestDetail = lazyNamed(() => import('../requests/RequestDetail'), 'RequestDetail');
const HelpOverlay = lazyNamed(() => import('../help/HelpOverlay'), 'HelpOverlay');
const MethodPage = lazyNamed(() => import('../help/MethodPage'), 'MethodPage');

const NAV: ReadonlyArray<{ page: Route['page']; labelKey: 'nav.home' | 'nav.requests' | 'nav.datasets' | 'nav.settings' | 'compile.nav' }> = [
  { page: 'home', labelKey: 'nav.home' },
  { page: 'requests', labelKey: 'nav.requests' },
  { page: 'datasets', labelKey: 'nav.datasets' },
  { page: 'settings', labelKey: 'nav.settings' },
  { page: 'compile', labelKey: 'compile.nav' },
];

export function App({ storagePersisted }: { storagePersisted: boolean | null }) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [aboutOpen, setAboutOpen] = useState(false);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
    setRoute(next);
    // Move focus to the new page's content, as a screen-reader user expects after navigation.
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, []);
  // Keyboard shortcuts, the help overlay and the desktop menu's action commands, handled alike.
  const commands = useAppCommands(navigate);
  const lastStudyId = useLastOpenedStudy(route);

  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        if (command === 'about') setAboutOpen(true);
        else if (command === 'navigate-home') navigate({ page: 'home' });
        else if (command === 'navigate-requests') navigate({ page: 'requests' });
        else if (command === 'navigate-datasets') navigate({ page: 'datasets' });
        else if (command === 'navigate-settings') navigate({ page: 'settings' });
      }),
    [platform, navigate],
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {NAV.map((item) => (
              <li key={item.page}>
                <a
                  href={`#${routeHash({ page: item.page } as Route)}`}
                  aria-current={navSection(route) === item.page ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ page: item.page } as Route);
                  }}
                >
                  {t(item.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-actions">
          <a
            className="button ghost"
            href={`#${routeHash({ page: 'method' })}`}
            aria-current={route.page === 'method' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: 'method' });
            }}
          >
            {t('help.topbar.method')}
          </a>
          <button type="button" className="button ghost" onClick={commands.open} aria-haspopup="dialog" aria-keyshortcuts="? F1">
            {t('help.topbar.help')}
          </button>
          <ThemeToggle />
          <button type="button" className="button ghost" onClick={() => setAboutOpen(true)}>
            {t('nav.about')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {/* A page that fails to render is replaced by the error boundary; the top bar stays usable. */}
        {/* Keyed by page, except that a guided answer's steps share one key: its workspace lives across steps. */}
        <ErrorBoundary scope="page" key={route.page === 'guide' ? `guide/${route.requestId}` : routeHash(route)}>
        <Suspense fallback={<Loading />}>
        {route.page === 'home' && <AnswerPage key={route.studyId ?? ''} studyId={route.studyId} />}
        {route.page === 'requests' && (
          <RequestsPage
            onOpenRequest={(requestId) => navigate({ page: 'request', requestId })}
            onCreated={(requestId) => navigate({ page: 'guide', requestId, step: 'request' })}
            onOpenAudit={() => navigate({ page: 'audit' })}
          />
        )}
        {route.page === 'request' && (
          <RequestDetail
            key={route.requestId}
            requestId={route.requestId}
            onOpenAnswer={(studyId) => navigate({ page: 'home', studyId })}
            onBack={() => navigate({ page: 'requests' })}
          />
        )}
        {route.page === 'guide' && (
          <GuidedAnswer
            key={route.requestId}
            requestId={route.requestId}
            step={route.step}
            onStep={(step) => navigate({ page: 'guide', requestId: route.requestId, step })}
            onOpenRequest={() => navigate({ page: 'request', requestId: route.requestId })}
            onOpenDatasets={() => navigate({ page: 'datasets' })}
            onBack={() => navigate({ page: 'requests' })}
          />
        )}
        {route.page === 'audit' && <AuditPage />}
        {route.page === 'datasets' && <DatasetsPage />}
        {route.page === 'settings' && <SettingsPage storagePersisted={storagePersisted} />}
        {route.page === 'compile' && <CompilePage />}
        {route.page === 'method' && <MethodPage section={route.section} studyId={lastStudyId} />}
        </Suspense>
        </ErrorBoundary>
      </main>
      <Suspense fallback={null}>
        {aboutOpen && <AboutDialog open onClose={() => setAboutOpen(false)} platform={platform} />}
        {commands.isOpen && <HelpOverlay isOpen onClose={commands.close} />}
      </Suspense>
      <StatusLine className="shortcut-status" testId="shortcut-status">
        {commands.message}
      </StatusLine>
    </div>
  );
}
