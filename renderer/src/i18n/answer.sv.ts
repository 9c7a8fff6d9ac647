// Swedish texts of the answer's data area (same keys in answer.en.ts). The answer core's own words (basis,
// blocking problems and fixes, period, overlap, the age-share assumption) are in shared/answer/texts.ts.
export const answerSv = {
  blockedTitle: 'Svaret kan inte skickas',
  blockedIntro: 'Det finns inga siffror att skicka förrän detta är löst:',
  basis: 'Underlag',
  period: 'Period',
  overlap: 'Obs',
  /** A dataset named by a fix that is no longer stored. */
  deletedDataset: 'ett borttaget dataset',
};
