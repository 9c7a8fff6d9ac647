// English texts of the guide area (same keys as guide.sv.ts).
import type { Widen } from './widen';
import type { guideSv } from './guide.sv';

export const guideEn: Widen<typeof guideSv> = {
  title: '',
};
