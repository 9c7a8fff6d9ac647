// English texts of the help area (same keys as help.sv.ts).
import type { Widen } from './widen';
import type { helpSv } from './help.sv';

export const helpEn: Widen<typeof helpSv> = {
  title: '',
};
