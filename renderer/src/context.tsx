import { createContext, useContext } from 'react';
import type { UiLanguage } from '../../shared/ipc/contract';
import type { AntalDatabase } from './db/database';
import type { Platform } from './platform';

export interface AppServices {
  db: AntalDatabase;
  platform: Platform;
  language: UiLanguage;
  setLanguage(language: UiLanguage): Promise<void>;
  /** Injected clock, so tests and the core never read the time themselves. */
  now(): Date;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside AppContext');
  return services;
}
