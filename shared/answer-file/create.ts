/**
 * Making an answer file from a unit's estimate, and checking its content hash.
 *
 * An answer file prints the unit's regions exactly as the unit's letter and sponsor view print them: the same
 * disclosed table (discloseAnswer with the same policy and Halland rule), so that a reader who holds the letter,
 * the answer file and a compilation of it learns nothing that any one of them does not already say. Before the
 * file is made, the exact auditor checks all of them together (answerOutputs) and refuses with the findings if
 * any hidden value could be narrowed. Totals are made only when files are compiled (compile.ts) and audited again.
 */
import { isAuditHead } from '../audit/anchor';
import type { Basis } from '../counts/dataset';
import type { EffAnswers } from '../answer/snapshot';
import { assertSendable } from '../answer/blocked';
import type { Study } from '../criteria/study';
import { discloseAnswer, type DisclosurePolicy } from '../disclosure';
import { loadDisclosureAuditor, type AuditFinding } from '../disclosure-audit';
import type { EstimateResult } from '../estimate/types';
import type { CountyCode, HallandRule } from '../regions/regions';
import { hashJson } from '../utils/stable-json';
import { answerFileHash } from './hash';
import { answerOutputs } from './outputs';
import { answerFilePrint, answerFileRegions } from './print';
import {
  ANSWER_FILE_FORMAT,
  ANSWER_FILE_VERSION,
  type AnswerFile,
  type AnswerFileContent,
  type AnswerFileProvenance,
  type AnswerFileRequest,
  type AnswerFileUnit,
  type InterestedClinic,
} from './types';

/** The criteria version's hash: SHA-256 of the canonical JSON of what decides who is counted. */
export function criteriaHash(study: Pick<Study, 'population' | 'ageReferenceDate' | 'steps'>): string {
  return hashJson({ population: study.population, ageReferenceDate: study.ageReferenceDate, steps: study.steps });
}

export interface CreateAnswerFileInput {
  unit: AnswerFileUnit;
  /** The regions the unit answers for (at least one). */
  regions: readonly CountyCode[];
  study: Study;
  /** Defaults to the study's sponsor reference and title. */
  request?: AnswerFileRequest;
  estimate: EstimateResult;
  /** The Halland rule the estimate used: the disclosed table (and so the letter's) depends on it. */
  hallandRule: HallandRule;
  basis: Basis;
  policy: DisclosurePolicy;
  provenance: readonly AnswerFileProvenance[];
  eff?: EffAnswers;
  clinics?: readonly InterestedClinic[];
  /** When the file is made. Injected: the core never reads the clock. */
  createdAt: Date | string;
  /** The unit's audit trail head at that moment (the app passes it; the CLI has no trail). */
  auditHead?: { seq: number; hash: string };
}

/** Disclosure control refused the answer: nothing may be written (the findings name the values and why). */
export class AnswerFileDisclosureError extends Error {
  constructor(readonly findings: AuditFinding[]) {
    super(`Disclosure control refuses the answer file: ${findings.map((f) => f.message.en).join(' ')}`);
    this.name = 'AnswerFileDisclosureError';
  }
}

function instant(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`createAnswerFile: createdAt is not a valid date (${String(value)})`);
  return date.toISOString();
}

/**
 * The answer file of an estimate, after the auditor has checked it together with every other output of the answer
 * (the letter's table, the sponsor view, a compilation of this file). Async: the auditor's solver loads once.
 */
export async function createAnswerFile(input: CreateAnswerFileInput): Promise<AnswerFile> {
  assertSendable(input.estimate);
  const wanted = new Set(input.regions);
  if (wanted.size === 0) throw new RangeError('createAnswerFile: the unit must answer for at least one region');
  if (!input.unit.name.trim()) throw new RangeError('createAnswerFile: the unit needs a name');
  const missing = [...wanted].filter((code) => !input.estimate.regions.some((r) => r.region === code));
  if (missing.length > 0) throw new RangeError(`createAnswerFile: the estimate has no result for region ${missing.join(', ')}`);
  // The same disclosed table as the unit's letter and sponsor view (same policy, Halland rule and recruiting regions).
  const disclosed = discloseAnswer(input.estimate, input.policy, { hallandRule: input.hallandRule, recruitingRegions: input.study.recruitment.sites.map((s) => s.region) });
  const regions = answerFileRegions(disclosed, [...wanted]);
  const audit = (await loadDisclosureAuditor()).audit(answerOutputs(disclosed, input.policy, [answerFilePrint({ policy: input.policy, regions })]));
  if (!audit.ok) throw new AnswerFileDisclosureError(audit.findings);
  const request = input.request ?? { reference: input.study.sponsorReference, title: input.study.title };
  if (!request.reference.trim()) throw new RangeError('createAnswerFile: the request needs a reference (the sponsor\'s reference), so that answers to it can be compiled');
  if (!request.title.trim()) throw new RangeError('createAnswerFile: the request needs a title');
  const content: AnswerFileContent = {
    format: ANSWER_FILE_FORMAT,
    formatVersion: ANSWER_FILE_VERSION,
    unit: { ...input.unit, name: input.unit.name.trim() },
    request: { reference: request.reference.trim(), title: request.title.trim() },
    criteria: { studyId: input.study.id, studyVersion: input.study.version, hash: criteriaHash(input.study) },
    basis: { unit: input.basis.unit, kind: input.basis.kind, regionBasis: input.basis.regionBasis },
    policy: input.policy,
    regions,
    provenance: input.provenance.map((p) => ({ ...p })),
    createdAt: instant(input.createdAt),
  };
  if (input.eff) content.eff = input.eff;
  if (input.clinics && input.clinics.length > 0) content.clinics = input.clinics.map((c) => ({ ...c }));
  if (input.auditHead) {
    if (!isAuditHead(input.auditHead)) throw new RangeError(`createAnswerFile: auditHead must be {seq, hash} with a positive whole seq and a SHA-256 in hex (got ${JSON.stringify(input.auditHead)})`);
    content.auditHead = { seq: input.auditHead.seq, hash: input.auditHead.hash };
  }
  return { ...content, contentHash: answerFileHash(content) };
}

