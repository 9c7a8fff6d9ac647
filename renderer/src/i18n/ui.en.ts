// English texts of the ui area (same keys as ui.sv.ts).
import type { Widen } from './widen';
import type { uiSv } from './ui.sv';

export const uiEn: Widen<typeof uiSv> = {
  title: '',
};
