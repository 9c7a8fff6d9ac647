// English texts of the guide area (same keys as guide.sv.ts).
import type { Widen } from './widen';
import type { guideSv } from './guide.sv';

export const guideEn: Widen<typeof guideSv> = {
  title: 'Guided answer',
  heading: 'Guided answer: {{title}}',
  open: 'Guided answer',
  openHint: 'Step by step from the request to an exported letter.',
  missing: 'The request does not exist',
  fullRequest: 'Full request (all details, versions, attachments)',
  stepsLabel: 'Steps of the guided answer',
  stepOf: 'Step {{n}} of {{total}}',
  previous: '← Previous: {{step}}',
  next: 'Next: {{step}} →',
  goTo: 'Go to step {{step}}',
  computing: 'Computing the answer …',
  steps: {
    request: 'Request',
    data: 'Data',
    criteria: 'Criteria',
    forecast: 'Forecast',
    answer: 'Answer',
    letter: 'Letter',
  },
  state: {
    done: 'Done',
    todo: 'To do',
    blocked: 'Waiting',
  },
  reasons: {
    'no-title': 'title missing',
    'invalid-dates': 'invalid date',
    'no-dataset': 'no dataset linked',
    'no-criteria': 'no criteria',
    'data-unusable': 'the dataset cannot be used',
    'eff-unanswered': 'Early Feedback Form unanswered',
    unacknowledged: 'warnings not acknowledged',
    'no-letterhead': "the unit's name is missing",
    'no-signatory': 'no signatory',
    'no-site': 'no recruiting site',
    computing: 'the answer is being recomputed',
    'compute-error': 'the computation failed',
    'not-exported': 'the letter has not been exported',
  },
  blocked: {
    noDataset: 'This step needs data: link a dataset first.',
  },
  request: {
    intro: "The request's essential details. Everything is saved automatically and every change is written to the audit trail.",
    titleHint: 'Required: the title is printed on the letter.',
    save: {
      saved: 'Saved',
      pending: 'Saving shortly …',
      saving: 'Saving …',
      failed: 'The change could not be saved. Try again.',
      invalid: 'Not saved: correct the date first.',
    },
  },
  data: {
    intro: 'Choose the datasets the answer is computed from. Demo data are synthetic and marked as such in the answer and the letter.',
    importLink: 'Import a new file under Datasets',
    none: 'No dataset is linked yet.',
    linked_one: '{{count}} dataset linked.',
    linked_other: '{{count}} datasets linked.',
    linkFailed: 'The dataset could not be linked: {{detail}}',
  },
  criteria: {
    intro: "The protocol's inclusion and exclusion criteria, one step at a time. Every edit is recomputed at once.",
    summaryTitle: 'Left after each criterion',
    eligible: 'Eligible patients nationally: {{point}} ({{range}})',
    caption: 'Patients left nationally after each step (point estimate).',
  },
  forecast: {
    intro: 'Under Assumptions and sites, add the sites that will recruit: when each opens and how many patients it expects to enrol per month. The region\'s data shows a ceiling and a suggestion beside each rate.',
  },
  answer: {
    intro: 'The answer as it stands: per region, healthcare region and nationally, with intervals.',
    feedbackCountry: 'The Early Feedback Form is answered in the Forecast step, where questions 1–3 are suggested from the answer.',
    feedbackSite: "The clinics' replies are recorded on the request's page.",
    openRequest: 'Open the request',
  },
  letter: {
    intro: 'The letter to the sponsor. It can be exported once everything in the list below is done.',
  },
};
