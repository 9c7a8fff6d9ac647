/**
 * Site Feasibility: the clinics contacted, a summary per region, and the contact list that may leave the unit.
 * Only interested clinics are ever exported with contact details; a declining clinic is never identified by
 * its contact person.
 */
import { COUNTY_CODES, type CountyCode } from '../regions/regions';
import type { ClinicContact, ClinicStatus } from './request';

export interface RegionClinicSummary {
  region: CountyCode;
  contacted: number;
  interested: number;
  declined: number;
  noReply: number;
}

/** One row per region with at least one clinic, in the official county-code order. */
export function clinicSummaryByRegion(clinics: readonly ClinicContact[]): RegionClinicSummary[] {
  const byRegion = new Map<CountyCode, RegionClinicSummary>();
  for (const clinic of clinics) {
    const row = byRegion.get(clinic.region) ?? { region: clinic.region, contacted: 0, interested: 0, declined: 0, noReply: 0 };
    row.contacted += 1;
    const field: Record<ClinicStatus, 'interested' | 'declined' | 'noReply'> = { interested: 'interested', declined: 'declined', 'no-reply': 'noReply' };
    row[field[clinic.status]] += 1;
    byRegion.set(clinic.region, row);
  }
  return COUNTY_CODES.filter((code) => byRegion.has(code)).map((code) => byRegion.get(code)!);
}

export interface InterestedClinicRow {
  name: string;
  region: CountyCode;
  contact: string;
  contactedOn: string;
}

/** The interested clinics' contact details, and nothing about any other clinic. */
export function interestedClinicContacts(clinics: readonly ClinicContact[]): InterestedClinicRow[] {
  return clinics
    .filter((c) => c.status === 'interested')
    .map((c) => ({ name: c.name, region: c.region, contact: c.contact, contactedOn: c.contactedOn }));
}
