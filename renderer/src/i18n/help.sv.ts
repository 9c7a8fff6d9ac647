// Swedish texts of the help area (same keys in help.en.ts).
export const helpSv = {
  title: '',
} as const;
