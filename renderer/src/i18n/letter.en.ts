import type { letterSv } from './letter.sv';
import type { Widen } from './widen';

// English texts of the letter area (same keys as letter.sv.ts). The letter's own words are in shared/letter/texts.ts.
export const letterEn: Widen<typeof letterSv> = {
  title: 'Feasibility letter',
  intro: 'The letter (PDF) shows only numbers and intervals that disclosure control allows. Every exported letter is kept in Antal with its SHA-256 and written to the audit trail.',
  language: 'Letter language',
  languages: { sv: 'Swedish', en: 'English' },
  preview: 'Preview letter',
  export: 'Export letter…',
  rendering: 'Creating the letter…',
  previewReady: 'The preview shows the letter ({{size}}).',
  previewTitle: 'Preview of the feasibility letter (PDF)',
  previewOpening: 'Opening the preview …',
  previewDrawing: 'Drawing page {{page}} of {{pages}} …',
  previewPages_one: 'The preview shows the letter\'s {{count}} page.',
  previewPages_other: 'The preview shows the letter\'s {{count}} pages.',
  previewPage: 'Page {{page}} of {{pages}}',
  previewFailed: 'The preview could not be shown ({{detail}}). Export the letter and open the file to read it.',
  exported: 'The letter was saved: {{path}} (SHA-256 {{sha}}). It is kept in Antal and in the audit trail.',
  waitForAnswer: 'The answer is being recomputed after the latest change; the letter can be made once the figures are current.',
  blocked: 'The letter can be previewed and exported once everything in the list above is done.',
  readiness: {
    title: 'Can the letter be sent?',
    acknowledge: 'I have read the warning – acknowledge',
    warningNumber: '(warning {{n}})',
    acknowledgeFailed: 'The acknowledgement could not be saved: {{detail}}',
    openRequest: 'Open the request',
    openSettings: 'Open Settings (unit profile)',
  },
  stored: {
    caption: 'Exported letters (kept byte for byte)',
    date: 'Created',
    language: 'Language',
    file: 'File',
    size: 'Size',
    actions: 'Actions',
    exportAgain: 'Export again…',
    tampered: 'The stored letter {{file}} does not match its SHA-256 and is not exported.',
  },
  errors: {
    disclosure: 'The letter was not created: disclosure control would be broken for {{cells}}. {{detail}}',
    policy: 'The disclosure rule in Settings cannot be used: {{detail}}',
    render: 'The letter could not be created: {{detail}}',
    notReady: 'The letter was not created: {{problems}}',
    save: 'The letter could not be saved: {{detail}}',
  },
};
