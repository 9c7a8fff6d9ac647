import type { disclosureSv } from './disclosure.sv';
import type { Widen } from './widen';

// English texts of the disclosure area (same keys as disclosure.sv.ts).
export const disclosureEn: Widen<typeof disclosureSv> = {
};
