// Swedish texts of the disclosure area (same keys in disclosure.en.ts).
export const disclosureSv = {
} as const;
