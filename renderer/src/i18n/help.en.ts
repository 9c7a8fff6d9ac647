// English texts of the help area (same keys as help.sv.ts).
import type { Widen } from './widen';
import type { helpSv } from './help.sv';

export const helpEn: Widen<typeof helpSv> = {
  topbar: {
    help: 'Help',
    method: 'Method',
  },
  tip: {
    readMore: 'Read more in the method description',
    interval: {
      label: 'What does the interval mean?',
      text: 'The interval runs from the lowest to the highest count consistent with the data and the assumptions: masked cells, age bands that lie partly within an age limit and the ranges of the proportions. The point estimate uses each assumption\'s point value. It is not a statistical confidence interval.',
    },
    regionInterval: {
      label: 'What do the intervals per region mean?',
      text: 'Each region has a low value, a point estimate and a high value, computed in the same way as the national figure. The national count is the sum of the regions.',
    },
    hidden: {
      label: 'Why are some values hidden?',
      text: 'Small counts must not leave the unit: they are shown as a limit or a band under the disclosure rule. If a hidden count could be worked out from totals, further values are hidden.',
    },
    independence: {
      label: 'What does the independence warning mean?',
      text: 'Several criteria are applied as proportions that are multiplied together. That assumes they are independent, which is rarely exactly true; the real number may differ by more than the interval shows.',
    },
    forecast: {
      label: 'How is the forecast computed?',
      text: 'Each site recruits at an uncertain rate (the Poisson–gamma model). The probability of reaching the target by the deadline is computed exactly, with the ranges (such as dropout) as distributions, so the same study always gives the same figures.',
    },
    verdict: {
      label: 'Which rule gives the verdict?',
      text: 'The verdict (Early Feedback Form question 2) comes from the probability of reaching the target in time, compared with the study\'s two thresholds: very good above the upper one, good above the lower one, otherwise small.',
    },
  },
  method: {
    title: 'Method description',
    intro: 'The same text as the letter\'s method section: the letter includes the sections that apply to the answer.',
    current: 'The details are those of the last opened answer: {{title}} (version {{version}}).',
    generic: 'There is no answer to take details from, so the text is general.',
    notApplied: 'Does not apply to the current answer and is therefore not in its letter; the text is general.',
    contents: 'Contents',
    loadError: 'The answer\'s details could not be read ({{detail}}); the text is general.',
  },
  shortcuts: {
    help: 'Show shortcuts and help',
    'new-request': 'New request',
    import: 'Import a file (Datasets page)',
    'export-letter': 'Export the reply letter',
    search: 'Search the requests',
    'go-requests': 'Go to Requests',
    'go-datasets': 'Go to Datasets',
    'go-settings': 'Go to Settings',
  },
  overlay: {
    title: 'Keyboard shortcuts and help',
    intro: 'The keys work everywhere except while you type in a text field or a list.',
    key: 'Key',
    action: 'What happens',
    menu: 'Menu in the desktop app',
    then: 'then',
    or: 'or',
    none: '–',
    browserNote: 'In the browser, Ctrl+N, Ctrl+T and Ctrl+W cannot be captured: the browser uses them itself. Use the keys without Ctrl; in the desktop app the menu shortcuts work too.',
    method: 'Read the method description',
    close: 'Close',
  },
  live: {
    newRequestFailed: 'The request could not be created: {{detail}}',
    noLetter: 'There is no reply letter to export on this page. Open an answer under Answer first.',
    letterDisabled: 'The letter cannot be exported right now: {{reason}}',
    letterBusy: 'a letter is already being made or the answer is being recomputed.',
    noSearch: 'The search field was not found.',
    noImport: 'The import button was not found.',
  },
};
