// The guide's request fields: which drafts may be saved, and what saving one changes on the stored request.
import { describe, expect, it } from 'vitest';
import { blankRequest } from '../../../shared/requests/create';
import { applyDraft, draftErrors, draftOf, isDraftValid } from '../../../renderer/src/guide/request-draft';

const request = blankRequest('r-1', 's-1', new Date('2026-03-02T09:00:00Z'), '2026-03-02');

describe('request draft', () => {
  it('a new request is valid as it is (a blank title is allowed while typing)', () => {
    expect(draftErrors(draftOf(request))).toEqual({});
    expect(isDraftValid(draftOf(request))).toBe(true);
  });

  it('rejects a date that is not a calendar date, and a deadline before the request was received', () => {
    expect(draftErrors({ ...draftOf(request), receivedOn: '2026-02-30' })).toEqual({ receivedOn: 'date' });
    expect(draftErrors({ ...draftOf(request), replyDeadline: '' })).toEqual({ replyDeadline: 'date' });
    expect(draftErrors({ ...draftOf(request), replyDeadline: '2026-03-01' })).toEqual({ replyDeadline: 'deadlineBeforeReceived' });
    expect(isDraftValid({ ...draftOf(request), replyDeadline: '2026-03-01' })).toBe(false);
  });

  it('applying a draft changes only its fields, trimmed, and keeps everything else', () => {
    const after = applyDraft(request, { ...draftOf(request), title: '  Fas II, astma ', sponsor: ' Acme ', type: 'site', confidentiality: 'internal' });
    expect(after).toEqual({ ...request, title: 'Fas II, astma', sponsor: 'Acme', type: 'site', confidentiality: 'internal' });
  });
});
