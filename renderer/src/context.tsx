import { createContext, useContext } from 'react';
import type { AntalDatabase } from './db/database';
import type { Platform } from './platform';
import type { Language } from '../../shared/text/language';

export interface AppServices {
  db: AntalDatabase;
  platform: Platform;
  language: Language;
  setLanguage(language: Language): Promise<void>;
  /** Injected clock, so tests and the core never read the time themselves. */
  now(): Date;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside AppContext');
  return services;
}
