import type { backupSv } from './backup.sv';
import type { Widen } from './widen';

// English texts of the backup area (same keys as backup.sv.ts).
export const backupEn: Widen<typeof backupSv> = {
};
