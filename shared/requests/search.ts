/** Search and filters of the request list: free text over the descriptive fields, status, type and year received. */
import { foldText } from '../utils/text';
import type { FeasibilityRequest, RequestStatus, RequestType } from './request';

export interface RequestFilter {
  text: string;
  status: RequestStatus | 'open' | 'all';
  type: RequestType | 'all';
  /** Year received, or null for any year. */
  year: number | null;
}

export const NO_FILTER: RequestFilter = { text: '', status: 'all', type: 'all', year: null };

const SEARCHED: ReadonlyArray<keyof FeasibilityRequest> = [
  'title',
  'therapyArea',
  'indication',
  'primaryPurpose',
  'productName',
  'sponsor',
  'sponsorContact',
  'localReference',
  'owner',
  'inclusionText',
  'exclusionText',
];

export function matchesFilter(request: FeasibilityRequest, filter: RequestFilter): boolean {
  if (filter.status === 'open' ? !(request.status === 'received' || request.status === 'in-progress') : filter.status !== 'all' && request.status !== filter.status) return false;
  if (filter.type !== 'all' && request.type !== filter.type) return false;
  if (filter.year !== null && Number(request.receivedOn.slice(0, 4)) !== filter.year) return false;
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(SEARCHED.map((key) => String(request[key] ?? '')).join(' \n '));
  return words.every((word) => haystack.includes(word));
}

/** The years requests were received in, newest first (for the year filter). */
export function receivedYears(requests: readonly FeasibilityRequest[]): number[] {
  return [...new Set(requests.map((r) => Number(r.receivedOn.slice(0, 4))).filter((y) => Number.isInteger(y)))].sort((a, b) => b - a);
}
