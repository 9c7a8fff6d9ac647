// Swedish texts of the actions area (same keys in actions.en.ts).
export const actionsSv = {
  title: '',
} as const;
