// The interested clinics' contact list: Excel-friendly CSV, formula-escaped, and nothing about other clinics.
import { describe, expect, it } from 'vitest';
import type { ClinicContact } from '../../../shared/requests/request';
import { interestedClinicsCsvBytes, interestedClinicsCsvText } from '../../../renderer/src/requests/clinic-export';

const labels = { name: 'Klinik', region: 'Region', contact: 'Kontaktperson', contactedOn: 'Kontaktad' };
const clinics: ClinicContact[] = [
  { id: '1', name: 'Onkologen; Lund', region: '12', contact: '=cmd|calc dr.a@example.se', contactedOn: '2026-03-01', status: 'interested', declineReason: '' },
  { id: '2', name: 'Onkologen Malmö', region: '12', contact: 'dr.b@example.se', contactedOn: '2026-03-01', status: 'declined', declineReason: 'Resurser' },
];

describe('interested clinics CSV', () => {
  it('has a header and one escaped row per interested clinic, region by name, CRLF line ends', () => {
    expect(interestedClinicsCsvText(clinics, labels, 'sv')).toBe('Klinik;Region;Kontaktperson;Kontaktad\r\n"Onkologen; Lund";Skåne;\'=cmd|calc dr.a@example.se;2026-03-01\r\n');
  });
  it('never contains a declining clinic, and starts with a UTF-8 byte order mark', () => {
    const bytes = interestedClinicsCsvBytes(clinics, labels, 'sv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).not.toContain('dr.b@example.se');
    expect(text).not.toContain('Malmö');
  });
});
