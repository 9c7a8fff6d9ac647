/**
 * The embedded demo study: a realistic phase III study in metastatic colorectal cancer, so that the first
 * screen shows a complete feasibility answer. The proportions are illustrative values of the right order,
 * with their intended sources named; they are not quoted figures.
 */
import { DEFAULT_AGE_SHARE_RANGE, STUDY_SCHEMA_VERSION, type Study } from '../criteria/study';

export const DEMO_STUDY: Study = {
  schemaVersion: STUDY_SCHEMA_VERSION,
  id: 'demo-mcrc-phase3',
  version: 1,
  title: 'DEMO – Fas III-studie, metastaserad kolorektalcancer',
  sponsorReference: 'DEMO-CRC-301',
  population: { kind: 'incident', windowYears: 2, unit: 'persons', regionBasis: 'residence', period: { kind: 'all' } },
  ageShare: { source: { kind: 'uniform' }, range: { ...DEFAULT_AGE_SHARE_RANGE }, note: '' },
  ageReferenceDate: '2026-09-01',
  steps: [
    {
      id: 'diagnosis',
      type: 'inclusion',
      enabled: true,
      protocolText: 'Histologically confirmed adenocarcinoma of the colon or rectum (ICD-10 C18–C20).',
      label: 'Kolorektalcancer (C18–C20)',
      rule: { kind: 'predicate', predicate: { kind: 'codes', codes: ['C18-C20'] } },
    },
    {
      id: 'age',
      type: 'inclusion',
      enabled: true,
      protocolText: 'Age 18 to 75 years at screening.',
      label: 'Ålder 18–75 år',
      rule: { kind: 'predicate', predicate: { kind: 'age', min: 18, max: 75 } },
    },
    {
      id: 'metastatic',
      type: 'inclusion',
      enabled: true,
      protocolText: 'Metastatic disease (stage IV) at diagnosis or later.',
      label: 'Metastaserad sjukdom',
      rule: {
        kind: 'proportion',
        share: { point: 0.25, low: 0.2, high: 0.3 },
        source: 'Illustrativt värde i storleksordningen för stadiefördelningen i Cancerregistret/Nationella kvalitetsregistret för kolorektalcancer (inte en citerad siffra).',
      },
    },
    {
      id: 'ecog',
      type: 'inclusion',
      enabled: true,
      protocolText: 'ECOG performance status 0–1.',
      label: 'ECOG 0–1',
      rule: {
        kind: 'proportion',
        share: { point: 0.65, low: 0.55, high: 0.75 },
        source: 'Illustrativt värde: klinisk bedömning av andelen med ECOG 0–1 vid metastaserad kolorektalcancer.',
      },
    },
    {
      id: 'prior-anti-egfr',
      type: 'exclusion',
      enabled: true,
      protocolText: 'Prior treatment with an anti-EGFR antibody (cetuximab, panitumumab).',
      label: 'Tidigare anti-EGFR-behandling',
      rule: {
        kind: 'proportion',
        share: { point: 0.1, low: 0.05, high: 0.15 },
        source: 'Illustrativt värde: klinisk bedömning av andelen som redan fått anti-EGFR-behandling.',
      },
    },
  ],
  recruitment: {
    targetPatients: 120,
    startDate: '2027-09-01',
    months: 24,
    consentRate: { point: 0.6, low: 0.5, high: 0.7 },
    screenFailureRate: { point: 0.25, low: 0.15, high: 0.35 },
    rateShape: 2,
    // Each site's own expected enrolment per month (what the sites would answer), below the plausible share of
    // its region's eligible patients; the two largest are the most certain of their figure.
    sites: [
      { id: 'karolinska', name: 'Karolinska Universitetssjukhuset', region: '01', activationMonth: 0, ratePerMonth: 2, rateCertainty: 'medium' },
      { id: 'sahlgrenska', name: 'Sahlgrenska Universitetssjukhuset', region: '14', activationMonth: 0, ratePerMonth: 1.5, rateCertainty: 'medium' },
      { id: 'sus', name: 'Skånes universitetssjukhus', region: '12', activationMonth: 1, ratePerMonth: 1.2 },
      { id: 'akademiska', name: 'Akademiska sjukhuset, Uppsala', region: '03', activationMonth: 2, ratePerMonth: 0.4 },
      { id: 'linkoping', name: 'Universitetssjukhuset i Linköping', region: '05', activationMonth: 2, ratePerMonth: 0.4 },
      { id: 'umea', name: 'Norrlands universitetssjukhus, Umeå', region: '24', activationMonth: 3, ratePerMonth: 0.3 },
      { id: 'orebro', name: 'Universitetssjukhuset Örebro', region: '18', activationMonth: 3, ratePerMonth: 0.3 },
      { id: 'jonkoping', name: 'Länssjukhuset Ryhov, Jönköping', region: '06', activationMonth: 3, ratePerMonth: 0.3 },
    ],
  },
  verdictThresholds: { veryGood: 0.8, good: 0.5 },
};
