/**
 * The interested clinics' contact list as CSV, with the same conventions as the dataset export
 * (renderer/src/import/csv-export.ts): UTF-8 with BOM, ";" separated, CRLF, and every cell escaped against
 * formula injection. Only interested clinics appear (shared/requests/clinics.ts decides which).
 */
import { interestedClinicContacts } from '../../../shared/requests/clinics';
import type { ClinicContact } from '../../../shared/requests/request';
import { regionName } from '../../../shared/regions/regions';
import { escapeCsvCell } from '../datasets/csv-export';
import type { Language } from '../../../shared/text/language';

export interface ClinicCsvLabels {
  name: string;
  region: string;
  contact: string;
  contactedOn: string;
}

export function interestedClinicsCsvText(clinics: readonly ClinicContact[], labels: ClinicCsvLabels, language: Language): string {
  const rows = interestedClinicContacts(clinics).map((c) => [c.name, regionName(c.region, language), c.contact, c.contactedOn]);
  const lines = [[labels.name, labels.region, labels.contact, labels.contactedOn], ...rows].map((cells) => cells.map(escapeCsvCell).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}

export function interestedClinicsCsvBytes(clinics: readonly ClinicContact[], labels: ClinicCsvLabels, language: Language): Uint8Array {
  const body = new TextEncoder().encode(interestedClinicsCsvText(clinics, labels, language));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
