/**
 * `antal letter --study STUDY.json --data FILE [--data FILE]... --out letter.pdf [--lang sv|en] [--date YYYY-MM-DD]
 * [--policy ohdsi|leaf-shrine|pcornet-act] [--unit UNIT.json] [--request REQUEST.json] [--json]`: the feasibility
 * letter headless, from the same study and count files as `antal estimate` (the estimate is computed by that
 * command, so both agree), or again from a kept snapshot with `--snapshot SNAPSHOT.json`.
 *
 * Determinism: the letter's date and the PDF's creation date come from `--date` (midnight UTC of that day);
 * without it from SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else from today's UTC date.
 * The same inputs and date always give the same bytes; `--json` prints the snapshot (with its content hash and
 * date), and `--snapshot` renders a kept snapshot again byte for byte.
 *
 * Readiness: the letter is refused, with every reason, while the letter's readiness checklist fails — the same
 * checks as the app's export (shared/letter/readiness.ts): data the answer can use, criteria and sites, the unit
 * profile's name and signatory (`--unit`), every Early Feedback Form answer (`eff` in `--request`, unless the
 * request file says `"type": "site"`), and an acknowledgement of every warning of the answer, by the key the
 * refusal prints (`--acknowledge KEY`, or `"acknowledgements": ["KEY", …]` in the request file).
 *
 * The file is written atomically (a temporary file beside the target, then rename). Exit 0 with a letter, 1 when
 * an input is wrong, the letter is not ready or disclosure control refuses it (the cell is named), 2 on a usage
 * error. A kept snapshot (`--snapshot`) is a letter already sent: it is rendered again as it was, unchecked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createSnapshot, verifySnapshot, type AnswerSnapshot, type DatasetProvenanceRecord, type RequestFacts, type UnitProfile, EMPTY_UNIT_PROFILE } from '../../shared/answer/snapshot';
import type { Study } from '../../shared/criteria/study';
import { parseStudyFile } from '../../shared/criteria/study-schema';
import { DISCLOSURE_PRESETS, type DisclosurePolicy, type DisclosurePresetId } from '../../shared/disclosure';
import { LetterDisclosureError, renderLetterPdf } from '../../shared/letter';
import { estimateIssues, letterReadiness, unansweredEff } from '../../shared/letter/readiness';
import { acknowledgeHintText, readinessProblemText } from '../../shared/letter/readiness-texts';
import type { EffAnswers, TriState } from '../../shared/answer/snapshot';
import type { Language } from '../../shared/text/language';
import { projectRecruitment } from '../../shared/recruitment/project';
import { verdictFromProbability } from '../../shared/recruitment/verdict';
import { IMPORT_OPTIONS, type CommandIo } from './inspect';
import { runEstimate, type EstimateCommandResult } from './estimate';
import { parseCommandArgs } from './command-args';

const LETTER_USAGE =
  'usage: antal letter --study STUDY.json --data FILE [--data FILE]... --out LETTER.pdf [--lang sv|en]\n' +
  '       [--date YYYY-MM-DD] [--policy ohdsi|leaf-shrine|pcornet-act] [--unit UNIT.json] [--request REQUEST.json]\n' +
  '       [--acknowledge KEY]...\n' +
  '       [--measure NAME] [--population FILE] [--kind incident|prevalent] [--region-basis residence|care] [--json]\n' +
  '   or: antal letter --snapshot SNAPSHOT.json --out LETTER.pdf [--json]\n';

export interface LetterCommandIo extends CommandIo {
  /** Writes the file atomically; injected so tests can observe it. Defaults to a temp file + rename. */
  writeFileAtomic?(path: string, bytes: Uint8Array): void;
  /** The process environment (SOURCE_DATE_EPOCH) and clock, injected for tests. */
  env?: Record<string, string | undefined>;
  now?(): Date;
}

/** What `--json` prints. */
export interface LetterCommandResult {
  out: string;
  bytes: number;
  sha256: string;
  snapshot: AnswerSnapshot;
}

class InputError extends Error {}

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function readJson(path: string, io: CommandIo, what: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    throw new InputError(`${path}: the ${what} is not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readUnit(path: string | undefined, io: CommandIo): UnitProfile {
  const unit: UnitProfile = { ...EMPTY_UNIT_PROFILE };
  if (!path) return unit;
  const json = readJson(path, io, 'unit profile');
  if (!isRecord(json)) throw new InputError(`${path}: the unit profile must be a JSON object with unitName, address, signatoryName, signatoryTitle`);
  for (const key of ['unitName', 'address', 'signatoryName', 'signatoryTitle'] as const) {
    const value = json[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new InputError(`${path}: ${key} must be a string`);
    unit[key] = value;
  }
  const logo = json.logo;
  if (logo !== undefined && logo !== null) {
    const ok = isRecord(logo) && typeof logo.name === 'string' && (logo.mediaType === 'image/png' || logo.mediaType === 'image/svg+xml') && typeof logo.dataUrl === 'string' && logo.dataUrl.startsWith(`data:${logo.mediaType}`);
    if (!ok) throw new InputError(`${path}: logo must be { name, mediaType: "image/png" | "image/svg+xml", dataUrl: "data:<mediaType>…" }`);
    unit.logo = { name: logo.name as string, mediaType: logo.mediaType as 'image/png' | 'image/svg+xml', dataUrl: logo.dataUrl as string };
  }
  return unit;
}

/** The request file: what the letter prints (RequestFacts), the request's type and the acknowledged warnings. */
interface RequestFile {
  facts: RequestFacts | undefined;
  type: 'country' | 'site';
  acknowledgements: string[];
}

function readRequest(path: string | undefined, io: CommandIo): RequestFile {
  if (!path) return { facts: undefined, type: 'country', acknowledgements: [] };
  const json = readJson(path, io, 'request');
  if (!isRecord(json)) throw new InputError(`${path}: the request must be a JSON object (type, reference, protocolNumber, diaryNumber, recipient, subject, confidentiality, eff, acknowledgements)`);
  for (const key of ['reference', 'protocolNumber', 'diaryNumber', 'subject', 'confidentiality'] as const) {
    if (json[key] !== undefined && typeof json[key] !== 'string') throw new InputError(`${path}: ${key} must be a string`);
  }
  if (json.recipient !== undefined && !isRecord(json.recipient)) throw new InputError(`${path}: recipient must be an object { name, organisation, address }`);
  if (json.eff !== undefined && !isRecord(json.eff)) throw new InputError(`${path}: eff must be an object of Early Feedback Form answers`);
  const { type = 'country', acknowledgements = [], ...facts } = json;
  if (type !== 'country' && type !== 'site') throw new InputError(`${path}: type must be "country" or "site", got ${JSON.stringify(type)}`);
  const keys = Array.isArray(acknowledgements) ? acknowledgements.map((a: unknown) => (isRecord(a) ? a.key : a)) : null;
  if (keys === null || keys.some((k) => typeof k !== 'string')) throw new InputError(`${path}: acknowledgements must be a list of warning keys (strings, or objects { "key": … })`);
  return { facts: facts as RequestFacts, type, acknowledgements: keys as string[] };
}

/**
 * Early Feedback Form answers an older study file keeps on the study (questions 1 and 3) are taken where the
 * request file gives none: the request's own answers win, as when the app moves them to the request.
 */
function withLegacyFeedback(eff: EffAnswers | undefined, study: Study): EffAnswers | undefined {
  const legacy = study.earlyFeedback;
  if (!legacy) return eff;
  const next: EffAnswers = { ...eff };
  if (!next.populationPresent && legacy.populationPresent) next.populationPresent = { answer: legacy.populationPresent as TriState };
  const factor = legacy.limitingFactor ?? (legacy.competingStudies ? 'competing-studies' : undefined);
  if (!next.limitingFactors && factor) {
    const mapped = factor === 'no-factors' ? 'none' : factor;
    next.limitingFactors = legacy.comment?.trim() ? { factors: [mapped], comment: legacy.comment.trim() } : { factors: [mapped] };
  }
  return next;
}

class NotReadyError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The snapshot's moment: --date, else SOURCE_DATE_EPOCH, else today (UTC midnight, so a day's runs agree). */
function letterMoment(date: string | undefined, io: LetterCommandIo): { createdAt: string; letterDate: string } {
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new UsageProblem(`--date must be a date YYYY-MM-DD, got "${date}"`);
    }
    return { createdAt: `${date}T00:00:00.000Z`, letterDate: date };
  }
  const epoch = (io.env ?? process.env).SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageProblem(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
    const at = new Date(Number(epoch) * 1000).toISOString();
    return { createdAt: at, letterDate: at.slice(0, 10) };
  }
  const today = (io.now ? io.now() : new Date()).toISOString().slice(0, 10);
  return { createdAt: `${today}T00:00:00.000Z`, letterDate: today };
}

class UsageProblem extends Error {}

function provenanceFrom(result: EstimateCommandResult): DatasetProvenanceRecord[] {
  return result.datasets.map((d) => ({
    id: d.id,
    name: `${basename(d.file)} (${d.measure})`,
    publisher: basename(d.file),
    synthetic: false,
    fileName: basename(d.file),
    sha256: d.sha256,
    periodFrom: d.periodFrom,
    periodTo: d.periodTo,
    basis: d.basis,
  }));
}

/** Runs `antal estimate --json` on the same flags, so the letter and the estimate command cannot disagree. */
async function estimateFor(argv: string[], io: CommandIo): Promise<EstimateCommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await runEstimate([...argv, '--json'], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: io.readFile });
  if (code === 2) throw new UsageProblem(stderr.trim());
  if (code !== 0) throw new InputError(stderr.trim());
  return JSON.parse(stdout) as EstimateCommandResult;
}

function readStudy(path: string, io: CommandIo): Study {
  const parsed = parseStudyFile(new TextDecoder('utf-8').decode(io.readFile(path)));
  if (!parsed.ok) throw new InputError(`${path}: the study file has errors: ${parsed.issues.map((i) => `${i.path || '(the study)'}: ${i.message}`).join('; ')}`);
  return parsed.study;
}

export async function runLetter(argv: string[], io: LetterCommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    ...IMPORT_OPTIONS,
    study: { type: 'string' },
    data: { type: 'string', multiple: true },
    measure: { type: 'string' },
    population: { type: 'string' },
    kind: { type: 'string' },
    'region-basis': { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' },
    policy: { type: 'string' },
    unit: { type: 'string' },
    request: { type: 'string' },
    snapshot: { type: 'string' },
    acknowledge: { type: 'string', multiple: true },
  }, LETTER_USAGE, io, { positionals: false });
  if (typeof parsed === 'number') return parsed;
  const { values, usage } = parsed;
  if (!values.out) return usage('--out LETTER.pdf is required');
  const language = values.lang ?? 'sv';
  if (language !== 'sv' && language !== 'en') return usage(`--lang must be sv or en, got "${language}"`);
  const policyId = values.policy ?? 'ohdsi';
  if (!(policyId in DISCLOSURE_PRESETS)) return usage(`--policy must be one of ${Object.keys(DISCLOSURE_PRESETS).join(', ')}, got "${policyId}"`);
  if (values.snapshot && (values.study || values.data)) return usage('--snapshot renders a kept snapshot: do not combine it with --study or --data');
  if (!values.snapshot && !values.study) return usage('--study STUDY.json is required (or --snapshot SNAPSHOT.json)');
  if (!values.snapshot && (!values.data || values.data.length === 0)) return usage('at least one --data FILE is required');

  try {
    let snapshot: AnswerSnapshot;
    if (values.snapshot) {
      snapshot = readJson(values.snapshot, io, 'snapshot') as AnswerSnapshot;
      if (!isRecord(snapshot) || typeof snapshot.contentHash !== 'string' || !verifySnapshot(snapshot)) {
        throw new InputError(`${values.snapshot}: not an answer snapshot, or its content does not match its contentHash (it was edited)`);
      }
    } else {
      const moment = letterMoment(values.date, io);
      const passOn = argv.filter((_, i) => !isLetterOnlyFlag(argv, i));
      const result = await estimateFor(passOn, io);
      const study = readStudy(values.study!, io);
      // Recruitment cannot start before the letter's date: a planned start that has passed is moved to it, and said.
      const projection = projectRecruitment(study, result.estimate, { today: moment.letterDate });
      const verdict = verdictFromProbability(projection.probability, study.verdictThresholds);
      const requestFile = readRequest(values.request, io);
      const eff = withLegacyFeedback(requestFile.facts?.eff, study);
      const request: RequestFacts | undefined = requestFile.facts ? { ...requestFile.facts, ...(eff ? { eff } : {}) } : undefined;
      const unit = readUnit(values.unit, io);
      const datasets = provenanceFrom(result);
      const readiness = letterReadiness({
        title: study.title,
        study,
        linkedDatasets: result.datasets.length,
        answer: { state: 'current', ...estimateIssues(result.estimate, datasets, study, language) },
        acknowledgedKeys: [...requestFile.acknowledgements, ...(values.acknowledge ?? [])],
        eff: requestFile.type === 'site' ? { required: false } : { required: true, unanswered: unansweredEff(eff) },
        unit,
      });
      if (!readiness.ready) throw new NotReadyError(notReadyLines(readiness.problems, language));
      snapshot = createSnapshot({
        language,
        ...moment,
        study,
        answer: { estimate: result.estimate, projection, verdict },
        datasets,
        hallandRule: result.hallandRule,
        disclosurePolicy: DISCLOSURE_PRESETS[policyId as DisclosurePresetId] as DisclosurePolicy,
        unit,
        ...(request ? { request } : {}),
      });
    }
    const bytes = await renderLetterPdf(snapshot);
    (io.writeFileAtomic ?? writeFileAtomic)(values.out, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (values.json) {
      const result: LetterCommandResult = { out: values.out, bytes: bytes.byteLength, sha256, snapshot };
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      io.stdout(`${values.out}: ${bytes.byteLength} bytes, SHA-256 ${sha256}\n${language === 'sv' ? 'svarets innehållshash' : 'answer content hash'} ${snapshot.contentHash}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageProblem) return usage(error.message);
    if (error instanceof NotReadyError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    if (error instanceof LetterDisclosureError) {
      const language = values.lang === 'en' ? 'en' : 'sv';
      io.stderr(`${language === 'sv' ? 'Brevet gjordes inte: röjandekontrollen stoppar det.' : 'The letter was not produced: disclosure control stops it.'}\n`);
      for (const f of error.findings) io.stderr(`  ${f.message[language]}\n`);
      return 1;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** The refusal: a heading, then each problem on its own line; a warning with the key that acknowledges it. */
function notReadyLines(problems: ReturnType<typeof letterReadiness>['problems'], language: Language): string[] {
  const lines = [language === 'sv' ? 'Brevet skapades inte: det är inte klart att skickas.' : 'The letter was not created: it is not ready to be sent.'];
  for (const problem of problems) {
    lines.push(`  - ${readinessProblemText(problem, language)}`);
    if (problem.code === 'unacknowledged') lines.push(`    ${acknowledgeHintText(problem.issue.key, language)}`);
  }
  return lines;
}

/** Flags only `antal letter` knows (with their values), left out when the estimate command is run. */
const LETTER_ONLY = new Set(['--out', '--date', '--policy', '--unit', '--request', '--lang', '--json', '--snapshot', '--acknowledge']);
const LETTER_BOOLEAN = new Set(['--json']);

function isLetterOnlyFlag(argv: readonly string[], index: number): boolean {
  const arg = argv[index]!;
  const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
  if (LETTER_ONLY.has(name)) return true;
  const previous = index > 0 ? argv[index - 1]! : '';
  return LETTER_ONLY.has(previous) && !LETTER_BOOLEAN.has(previous) && !previous.includes('=');
}
