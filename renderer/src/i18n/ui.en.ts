// English texts of the ui area (same keys as ui.sv.ts): themes and the error boundary.
import type { Widen } from './widen';
import type { uiSv } from './ui.sv';

export const uiEn: Widen<typeof uiSv> = {
  theme: {
    label: 'Theme',
    system: 'Same as the system',
    light: 'Light',
    dark: 'Dark',
    hint: 'Same as the system follows the light or dark mode set in Windows. Showing now: {{current}}.',
    toggle: 'Dark theme',
  },
  error: {
    pageTitle: 'This page could not be shown',
    appTitle: 'Antal ran into an error',
    pageWhat: 'An error in the program stopped this page from being shown. The menu at the top still works, so you can go to another page.',
    appWhat: 'An error in the program stopped Antal from showing the window’s content.',
    saved:
      'Your work is kept: requests, studies, datasets and settings are saved on this computer as soon as you change them. A change made less than half a second before the error may be missing – check your last change.',
    next: 'Try again. If the error comes back, save a diagnostic report and send it to whoever looks after Antal at your unit.',
    retry: 'Try again',
    reload: 'Reload',
    saveReport: 'Save diagnostic report…',
    reportSaved: 'The diagnostic report was saved: {{path}}',
    reportFailed: 'The diagnostic report could not be saved: {{reason}}',
    reportContents: 'What the report contains',
    reportPrivacy:
      'Versions, platform, language, theme, which kind of page was shown, the type of error, where in the program’s code it happened and the number of rows in each table. No titles, sponsors, diagnosis codes, patient counts, file names or ids – and the error message’s text only when it is one of JavaScript’s own standard messages, without names or values.',
  },
};
