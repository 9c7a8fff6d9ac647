// English texts of the actions area (same keys as actions.sv.ts).
import type { Widen } from './widen';
import type { actionsSv } from './actions.sv';

export const actionsEn: Widen<typeof actionsSv> = {
  title: '',
};
