// Swedish texts of the letter area (same keys in letter.en.ts).
export const letterSv = {
} as const;
