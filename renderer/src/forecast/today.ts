/** The user's calendar date as YYYY-MM-DD: the local date, not UTC (just after midnight in Sweden UTC is still yesterday). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
