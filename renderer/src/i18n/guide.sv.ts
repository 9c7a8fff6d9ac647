// Swedish texts of the guide area (same keys in guide.en.ts).
export const guideSv = {
  title: '',
} as const;
