/**
 * The database's tables by the names the app shows, in each language: Settings → Backups lists a backup's tables
 * by them and `antal verify` names a table by them, so a coordinator reads the same word in both.
 */
import type { Language } from '../text/language';

const TABLE_NAMES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  sv: {
    settings: 'Inställningar',
    datasets: 'Dataset',
    datasetColumns: 'Datasetkolumner',
    studies: 'Studier',
    requests: 'Förfrågningar',
    versions: 'Svarsversioner',
    audit: 'Logg',
    letters: 'Brev',
    attachments: 'Bilagor',
  },
  en: {
    settings: 'Settings',
    datasets: 'Datasets',
    datasetColumns: 'Dataset columns',
    studies: 'Studies',
    requests: 'Requests',
    versions: 'Answer versions',
    audit: 'Log',
    letters: 'Letters',
    attachments: 'Attachments',
  },
};

/** "Logg" for the audit table; null for a table this version does not know (each caller says how to show it). */
export function knownTableName(language: Language, table: string): string | null {
  return Object.hasOwn(TABLE_NAMES[language], table) ? TABLE_NAMES[language][table]! : null;
}
