import type { letterSv } from './letter.sv';
import type { Widen } from './widen';

// English texts of the letter area (same keys as letter.sv.ts).
export const letterEn: Widen<typeof letterSv> = {
};
