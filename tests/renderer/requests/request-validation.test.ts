// Inline validation of the request form: each field's message, the two dates checked together, and leaving
// one field does not touch the messages of the others.
import { describe, expect, it } from 'vitest';
import { refreshErrors, validateRequestDraft } from '../../../renderer/src/requests/RequestForm';

const t = (key: string) => key.replace('requests.form.errors.', '');
const valid = { title: 'ACME-301', targetPatients: '40', recruitmentMonths: '18', receivedOn: '2026-03-02', replyDeadline: '2026-03-16', plannedStart: '' };

describe('validateRequestDraft', () => {
  it('finds nothing wrong in a complete draft', () => {
    expect(validateRequestDraft(valid, t)).toEqual({});
  });

  it('names each wrong field', () => {
    expect(validateRequestDraft({ ...valid, title: '  ' }, t)).toEqual({ title: 'title' });
    expect(validateRequestDraft({ ...valid, targetPatients: '0' }, t)).toEqual({ targetPatients: 'count' });
    expect(validateRequestDraft({ ...valid, recruitmentMonths: '3,5' }, t)).toEqual({ recruitmentMonths: 'count' });
    expect(validateRequestDraft({ ...valid, targetPatients: '1 200' }, t)).toEqual({});
    expect(validateRequestDraft({ ...valid, receivedOn: '2026-02-30' }, t)).toEqual({ receivedOn: 'date' });
    expect(validateRequestDraft({ ...valid, plannedStart: '2026-13-01' }, t)).toEqual({ plannedStart: 'date' });
  });

  it('refuses a reply deadline before the date received, and accepts the same day', () => {
    expect(validateRequestDraft({ ...valid, replyDeadline: '2026-03-01' }, t)).toEqual({ replyDeadline: 'deadlineBeforeReceived' });
    expect(validateRequestDraft({ ...valid, replyDeadline: '2026-03-02' }, t)).toEqual({});
  });
});

describe('refreshErrors', () => {
  it('updates only the fields that were left, keeping or clearing the rest as shown', () => {
    const shown = { title: 'title', replyDeadline: 'deadlineBeforeReceived' };
    const all = { title: 'title' };
    expect(refreshErrors(shown, all, ['receivedOn', 'replyDeadline'])).toEqual({ title: 'title' });
    expect(refreshErrors({}, { targetPatients: 'count', title: 'title' }, ['targetPatients'])).toEqual({ targetPatients: 'count' });
  });
});
