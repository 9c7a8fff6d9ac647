// English texts of the actions area (same keys as actions.sv.ts).
import type { Widen } from './widen';
import type { actionsSv } from './actions.sv';

export const actionsEn: Widen<typeof actionsSv> = {
  undo: {
    button: 'Undo',
    dismiss: 'Dismiss the removal message',
  },
  site: {
    removed: '{{name}} was removed from the forecast.',
    restored: '{{name}} is back in the forecast.',
  },
  step: {
    restored: 'The step "{{label}}" is back.',
  },
  clinic: {
    removed: '{{name}} was removed from the clinic list.',
    restored: '{{name}} is back in the clinic list.',
    auditRestored: 'Clinic restored after removal: {{name}}',
  },
  attachment: {
    restored: '{{name}} is back among the attachments.',
  },
  compileFile: {
    restored: '{{name}} is back in the compilation.',
  },
  datasetLoss: 'The dataset with {{cells}} cells (SHA-256 {{sha}}…) and its provenance are removed from the local database.',
  progress: {
    cancel: 'Cancel',
    cancelled: 'Cancelled. Nothing was saved.',
  },
  validation: {
    activation: 'Enter a month from 0 to below {{months}}: recruitment lasts {{months}} months. The last valid value is used until then.',
    kept: 'The last saved value is kept until the error is corrected.',
  },
  empty: {
    datasets: {
      title: 'No datasets yet',
      next: 'Import an export from Socialstyrelsen, SCB or a register (CSV, TSV or XLSX), or drop the file on the page.',
      action: 'Import the first file…',
    },
    requests: {
      title: 'No requests yet',
      next: "Register the sponsor's request to get a reply deadline, its own criteria study and an audit trail.",
      action: 'Register the first request',
    },
    compile: {
      title: "Start with the units' answer files",
      next: 'The answer files are the JSON files each unit exports under its answer.',
      action: 'Open an answer file…',
    },
    home: {
      title: 'Nothing to compute yet',
      action: 'Go to Datasets',
    },
    sites: {
      title: 'No sites in the forecast',
      next: 'Add at least one site with its region and opening month to get a recruitment forecast.',
    },
    steps: {
      title: 'No criteria yet',
      next: "Add the protocol's first inclusion criterion, for example the diagnosis codes.",
      action: 'Add diagnosis codes',
    },
    audit: {
      title: 'The audit trail is empty',
      next: 'Every change to a request, import, setting and letter export is written here. Register a request to begin.',
      action: 'Go to Requests',
    },
    auditFiltered: {
      title: 'No entries match the filter',
      next: 'Choose another kind or change the search words.',
      action: 'Show all entries',
    },
    letters: 'No letter has been exported for this answer yet. Export the letter above and it is kept here with its SHA-256.',
  },
};
