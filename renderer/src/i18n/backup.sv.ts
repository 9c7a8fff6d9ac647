// Swedish texts of the backup area (same keys in backup.en.ts).
export const backupSv = {
} as const;
