/** A safe, descriptive file name for a letter: "svarsbrev-DEMO-CRC-301-2026-03-14.pdf" / "feasibility-letter-…". */
import type { AnswerSnapshot } from '../answer/snapshot';

export function letterFileName(snapshot: Pick<AnswerSnapshot, 'language' | 'letterDate' | 'study'> & { request?: Pick<NonNullable<AnswerSnapshot['request']>, 'reference'> }): string {
  const stem = snapshot.language === 'sv' ? 'svarsbrev' : 'feasibility-letter';
  // The sponsor's reference, as the letter prints it: the request's, else (a letter without a request) the study's.
  const reference = (snapshot.request ? (snapshot.request.reference ?? '') : snapshot.study.sponsorReference).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${[stem, reference, snapshot.letterDate].filter((p) => p !== '').join('-')}.pdf`;
}
