// Swedish texts of the ui area (same keys in ui.en.ts).
export const uiSv = {
  title: '',
} as const;
