import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import type { Dataset } from '../../shared/counts/dataset';
import { createDemoDataset } from '../../shared/demo/dataset';
import { DEMO_STUDY } from '../../shared/demo/study';
import { App } from './shell/App';
import { installBrowserNavigationGuard } from './backup/navigation-guard';
import { startAutoBackups } from './backup/start-auto-backups';
import { AppContext, type AppServices } from './context';
import { AntalDatabase } from './db/database';
import { seedDemoIfNew } from './db/seed';
import { changeLanguage, initI18n, preloadMessages } from './i18n';
import { journalEntries, replayPendingWrites } from './db/pending-writes';
import { saveRequest } from './requests/request-store';
import { saveStudyEdit } from './study/study-store';
import { formatIsoDate } from './format';
import { parseRoute } from './shell/route';
import { afterFirstAnswer, sendFirstAnswer, startEstimateWorker, warmFirstAnswer } from './study/first-answer';
import { localIsoDate } from './forecast/today';
import { detectPlatform } from './platform';
import { locateSolver } from './platform/solver';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { loadLanguage, saveLanguage } from './settings/language';
import { startTheme } from './settings/theme';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/text/language';
import './styles.css';

// The stored theme goes on <html data-theme> before anything renders, so the first paint has the right colours.
startTheme();
// Answer files and compilations are audited on this thread; the letter worker locates the solver itself.
locateSolver();

/**
 * React Aria's press handling inserts a <style> element (touch-action for pressable elements) unless an element
 * with its id already exists; our CSP (style-src 'self') would block it. The same rule is in styles.css, and this
 * placeholder tells React Aria it is already there.
 */
function claimReactAriaPressableStyle(): void {
  if (document.getElementById('react-aria-pressable-style')) return;
  const marker = document.createElement('meta');
  marker.id = 'react-aria-pressable-style';
  marker.name = 'react-aria-pressable-style';
  marker.content = 'styles.css';
  document.head.append(marker);
}
claimReactAriaPressableStyle();

/**
 * The browser build's offline cache: its service worker downloads every file of the app when it installs, so it
 * is registered once the first answer is on screen, not while the app starts.
 */
function registerServiceWorker(): void {
  if (typeof __ANTAL_SERVICE_WORKER__ === 'undefined' || !__ANTAL_SERVICE_WORKER__ || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}

/** Asks the browser not to evict our IndexedDB data under storage pressure. */
async function persistStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

/**
 * Named points of the start in the browser's performance timeline (developer tools and the cold-start profiler
 * show them beside the network and the threads); no effect on the app.
 */
function mark(name: string): void {
  performance.mark(`antal:${name}`);
}

async function start(): Promise<void> {
  mark('start');
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  // Links and window.open in content never take the app away (the Electron main process enforces the same).
  installBrowserNavigationGuard();
  const platform = detectPlatform();
  const db = new AntalDatabase();
  const now = () => new Date();
  // The answer page is the first screen: its estimate worker loads now, beside the database and the texts.
  const route = parseRoute(window.location.hash);
  if (route.page === 'home') startEstimateWorker(db, route.studyId);
  // The default language's texts download while the database opens (the stored choice is known only after).
  void preloadMessages(DEFAULT_LANGUAGE).catch(() => undefined);
  const [storagePersisted] = await Promise.all([persistStorage(), db.open()]);
  mark('database-open');
  // At a first start the demo dataset just stored is handed to the first answer as it is, not read back.
  let demoDataset: Dataset | null = null;
  // The estimate worker gets it (and starts on the demo's answer) before it is written.
  const seeded = await seedDemoIfNew(
    db,
    () => {
      const dataset = createDemoDataset();
      demoDataset = dataset;
      warmFirstAnswer([dataset], DEMO_STUDY, localIsoDate(now()));
      return { dataset, study: DEMO_STUDY };
    },
    now(),
  );
  const written = seeded && demoDataset ? [demoDataset] : [];
  mark('seeded');
  // With no edit waiting in the journal the stored study is final already: the worker computes its answer while
  // the texts load and React draws the page (otherwise it waits for the replay below).
  const journalEmpty = journalEntries().length === 0;
  if (journalEmpty) sendFirstAnswer(localIsoDate(now()), written);
  // Desktop only: answer the main process's backup requests (on quit and daily).
  startAutoBackups(db, now);
  const initial = await loadLanguage(db);
  await initI18n(initial);
  mark('texts');
  // Edits that were still waiting for their autosave when the page went away (a reload right after typing) are
  // written now, audited like any edit, before anything shows the stored data.
  await replayPendingWrites(db, {
    saveStudy: (record) => saveStudyEdit(db, record, now()),
    saveRequest: (before, after, summary) => saveRequest({ db, now: now(), today: formatIsoDate(now()), newId: () => crypto.randomUUID() }, before, after, summary),
  }).catch(() => 0);
  if (!journalEmpty) sendFirstAnswer(localIsoDate(now()), written);
  void platform.setLanguage(initial);

  const root = createRoot(container, {
    // An error caught by an ErrorBoundary is shown to the user, who can save a scrubbed diagnostic report.
    // React's default would print the raw error to the console, and its message may hold request content.
    onCaughtError: () => undefined,
  });
  const render = (language: Language) => {
    const services: AppServices = {
      db,
      platform,
      language,
      now,
      async setLanguage(next) {
        // The audit entry in the words the user chose it in (the language before the change).
        await saveLanguage(db, next, (key, params) => i18next.t(key, params));
        await changeLanguage(next);
        document.documentElement.lang = next;
        void platform.setLanguage(next);
        render(next);
      },
    };
    root.render(
      <StrictMode>
        <AppContext.Provider value={services}>
          <ErrorBoundary scope="app">
            <App storagePersisted={storagePersisted} />
          </ErrorBoundary>
        </AppContext.Provider>
      </StrictMode>,
    );
  };
  render(initial);
  mark('rendered');
  afterFirstAnswer(registerServiceWorker);
}

start().catch((error: unknown) => {
  // The UI may not exist yet (i18n not loaded), so this message is bilingual by hand.
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `Antal kunde inte starta / Antal could not start: ${error instanceof Error ? error.message : String(error)}`;
    root.setAttribute('role', 'alert');
  }
  console.error(error);
});
