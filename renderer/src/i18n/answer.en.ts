// English texts of the answer's data area (same keys in answer.sv.ts). The answer core's own words (basis,
// blocking problems and fixes, period, overlap, the age-share assumption) are in shared/answer/texts.ts.
import type { Widen } from './widen';
import type { answerSv } from './answer.sv';

export const answerEn: Widen<typeof answerSv> = {
  blockedTitle: 'The answer cannot be sent',
  blockedIntro: 'There are no figures to send until this is resolved:',
  basis: 'Basis',
  period: 'Period',
  overlap: 'Note',
  deletedDataset: 'a deleted dataset',
};
