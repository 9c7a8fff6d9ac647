// The audit trail's record of a study edit names the projection's settings that changed (and the years of declared
// breaks), never the coordinator's words; a study saved before the projection existed is not "changed" by it.
import { describe, expect, it } from 'vitest';
import { studyEditDetails } from '../../../shared/audit/study-changes';
import { projectionSettingOf, type Study } from '../../../shared/criteria/study';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { declareBreak } from '../../../shared/trend/breaks';

const base: Study = { ...DEMO_STUDY };
delete (base as Partial<Study>).projection;

describe('projection changes in the audit trail', () => {
  it('switching the projection on is an audited change of "on"', () => {
    const after: Study = { ...base, projection: { ...projectionSettingOf(base), on: true } };
    expect(studyEditDetails(base, after)?.changes).toEqual([{ part: 'projection', fields: ['on'] }]);
  });

  it('a declared break is audited with its year and the moved window, not its reason', () => {
    const declared = declareBreak(projectionSettingOf(base), ['2016', '2017', '2018', '2019', '2020'], '2018', 'Konfidentiell: ny rapporteringsregel');
    if (!declared.ok) throw new Error('declared');
    const after: Study = { ...base, projection: declared.setting };
    const details = studyEditDetails(base, after)!;
    expect(details.changes).toEqual([{ part: 'projection', fields: ['window', 'declaredBreaks'], declaredBreaks: ['2018'] }]);
    expect(JSON.stringify(details)).not.toContain('Konfidentiell');
    expect(details.hashBefore).not.toBe(details.hashAfter);
  });

  it('filling in the defaults is no change', () => {
    expect(studyEditDetails(base, { ...base, projection: projectionSettingOf(base) })).toBeNull();
  });
});
