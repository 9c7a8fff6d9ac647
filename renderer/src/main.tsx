import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDemoDataset } from '../../shared/demo/dataset';
import { DEMO_STUDY } from '../../shared/demo/study';
import { App } from './shell/App';
import { installBrowserNavigationGuard } from './backup/navigation-guard';
import { startAutoBackups } from './backup/start-auto-backups';
import { AppContext, type AppServices } from './context';
import { AntalDatabase } from './db/database';
import { seedDemoIfNew } from './db/seed';
import { changeLanguage, initI18n, preloadMessages } from './i18n';
import { replayPendingWrites } from './db/pending-writes';
import { saveRequest } from './requests/request-store';
import { saveStudyEdit } from './study/study-store';
import { formatIsoDate } from './format';
import { detectPlatform } from './platform';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { loadLanguage, saveLanguage } from './settings/language';
import { startTheme } from './settings/theme';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/text/language';
import './styles.css';

// The stored theme goes on <html data-theme> before anything renders, so the first paint has the right colours.
startTheme();

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

/** Asks the browser not to evict our IndexedDB data under storage pressure. */
async function persistStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  // Links and window.open in content never take the app away (the Electron main process enforces the same).
  installBrowserNavigationGuard();
  const platform = detectPlatform();
  const db = new AntalDatabase();
  const now = () => new Date();
  // The default language's texts download while the database opens (the stored choice is known only after).
  void preloadMessages(DEFAULT_LANGUAGE).catch(() => undefined);
  const [storagePersisted] = await Promise.all([persistStorage(), db.open()]);
  await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), now());
  // Desktop only: answer the main process's backup requests (on quit and daily).
  startAutoBackups(db, now);
  const initial = await loadLanguage(db);
  await initI18n(initial);
  // Edits that were still waiting for their autosave when the page went away (a reload right after typing) are
  // written now, audited like any edit, before anything shows the stored data.
  await replayPendingWrites(db, {
    saveStudy: (record) => saveStudyEdit(db, record, now()),
    saveRequest: (before, after, summary) => saveRequest({ db, now: now(), today: formatIsoDate(now()), newId: () => crypto.randomUUID() }, before, after, summary),
  }).catch(() => 0);
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
        await saveLanguage(db, next);
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
