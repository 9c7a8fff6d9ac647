/**
 * `antal letter --study STUDY.json --data FILE [--data FILE]... --out letter.pdf [--lang sv|en] [--date YYYY-MM-DD]
 * [--policy ohdsi|leaf-shrine|pcornet-act] [--unit UNIT.json] [--request REQUEST.json] [--json]`: the feasibility
 * letter headless, from the same study and count files as `antal estimate` (read by the same inputs module and
 * computed by the same computeAnswer, so both agree), or again from a kept snapshot with `--snapshot SNAPSHOT.json`.
 *
 * Determinism: the letter's date and the PDF's creation date come from `--date` (midnight UTC of that day);
 * without it from SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else from today's UTC date.
 * The same inputs and date always give the same bytes; `--json` prints the snapshot (with its content hash and
 * date), and `--snapshot` renders a kept snapshot again byte for byte.
 *
 * The file is written atomically (a temporary file beside the target, then rename). Exit 0 with a letter, 1 when
 * an input is wrong or disclosure control refuses the letter (the cell is named), 2 on a usage error.
 */
import { AnswerBlockedError } from '../../shared/answer/blocked';
import { createHash } from 'node:crypto';
import { createSnapshot, verifySnapshot, type AnswerSnapshot, type RequestFacts, type UnitProfile, EMPTY_UNIT_PROFILE } from '../../shared/answer/snapshot';
import { DISCLOSURE_PRESETS, type DisclosurePolicy, type DisclosurePresetId } from '../../shared/disclosure';
import { LetterDisclosureError, renderLetterPdf } from '../../shared/letter';
import {
  ANSWER_INPUT_OPTIONS,
  blockedLines,
  checkAnswerInputFlags,
  commandMoment,
  fileProvenance,
  InputError,
  loadAnswerInputs,
  parseCommandArgs,
  readJsonFile,
  UsageError,
  writeOutput,
  type CommandIo,
} from '../inputs';
import { answerFor } from './estimate';

const LETTER_USAGE =
  'usage: antal letter --study STUDY.json --data FILE [--data FILE]... --out LETTER.pdf [--lang sv|en]\n' +
  '       [--date YYYY-MM-DD] [--policy ohdsi|leaf-shrine|pcornet-act] [--unit UNIT.json] [--request REQUEST.json]\n' +
  '       [--measure NAME] [--population FILE] [--kind incident|prevalent] [--region-basis residence|care]\n' +
  '       [--halland split|split=SHARE|sodra|vastra] [--json]\n' +
  '   or: antal letter --snapshot SNAPSHOT.json --out LETTER.pdf [--json]\n';

/** What `--json` prints. */
export interface LetterCommandResult {
  out: string;
  bytes: number;
  sha256: string;
  snapshot: AnswerSnapshot;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const problem = (message: string): InputError => new InputError([message]);

function readUnit(path: string | undefined, io: CommandIo): UnitProfile {
  const unit: UnitProfile = { ...EMPTY_UNIT_PROFILE };
  if (!path) return unit;
  const json = readJsonFile(path, io, 'unit profile');
  if (!isRecord(json)) throw problem(`${path}: the unit profile must be a JSON object with unitName, address, signatoryName, signatoryTitle`);
  for (const key of ['unitName', 'address', 'signatoryName', 'signatoryTitle'] as const) {
    const value = json[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw problem(`${path}: ${key} must be a string`);
    unit[key] = value;
  }
  const logo = json.logo;
  if (logo !== undefined && logo !== null) {
    const ok = isRecord(logo) && typeof logo.name === 'string' && (logo.mediaType === 'image/png' || logo.mediaType === 'image/svg+xml') && typeof logo.dataUrl === 'string' && logo.dataUrl.startsWith(`data:${logo.mediaType}`);
    if (!ok) throw problem(`${path}: logo must be { name, mediaType: "image/png" | "image/svg+xml", dataUrl: "data:<mediaType>…" }`);
    unit.logo = { name: logo.name as string, mediaType: logo.mediaType as 'image/png' | 'image/svg+xml', dataUrl: logo.dataUrl as string };
  }
  return unit;
}

function readRequest(path: string | undefined, io: CommandIo): RequestFacts | undefined {
  if (!path) return undefined;
  const json = readJsonFile(path, io, 'request');
  if (!isRecord(json)) throw problem(`${path}: the request must be a JSON object (reference, diaryNumber, recipient, subject, confidentiality, eff)`);
  for (const key of ['reference', 'diaryNumber', 'subject', 'confidentiality'] as const) {
    if (json[key] !== undefined && typeof json[key] !== 'string') throw problem(`${path}: ${key} must be a string`);
  }
  if (json.recipient !== undefined && !isRecord(json.recipient)) throw problem(`${path}: recipient must be an object { name, organisation, address }`);
  if (json.eff !== undefined && !isRecord(json.eff)) throw problem(`${path}: eff must be an object of Early Feedback Form answers`);
  return json as RequestFacts;
}

export async function runLetter(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    ...ANSWER_INPUT_OPTIONS,
    out: { type: 'string' },
    date: { type: 'string' },
    policy: { type: 'string' },
    unit: { type: 'string' },
    request: { type: 'string' },
    snapshot: { type: 'string' },
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

  try {
    let snapshot: AnswerSnapshot;
    if (values.snapshot) {
      snapshot = readJsonFile(values.snapshot, io, 'snapshot') as AnswerSnapshot;
      if (!isRecord(snapshot) || typeof snapshot.contentHash !== 'string' || !verifySnapshot(snapshot)) {
        throw problem(`${values.snapshot}: not an answer snapshot, or its content does not match its contentHash (it was edited)`);
      }
    } else {
      checkAnswerInputFlags(values);
      const moment = commandMoment(values.date, io, { wholeDay: true });
      const inputs = await loadAnswerInputs(values, io, language);
      // Recruitment cannot start before the letter's date: a planned start that has passed is moved to it, and said.
      const answer = answerFor(inputs, moment.day);
      const request = readRequest(values.request, io);
      snapshot = createSnapshot({
        language,
        createdAt: moment.createdAt,
        letterDate: moment.day,
        study: inputs.study,
        answer,
        datasets: inputs.datasets.map(fileProvenance),
        hallandRule: inputs.hallandRule,
        disclosurePolicy: DISCLOSURE_PRESETS[policyId as DisclosurePresetId] as DisclosurePolicy,
        unit: readUnit(values.unit, io),
        ...(request ? { request } : {}),
      });
    }
    const bytes = await renderLetterPdf(snapshot);
    writeOutput(io, values.out, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (values.json) {
      const result: LetterCommandResult = { out: values.out, bytes: bytes.byteLength, sha256, snapshot };
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      io.stdout(`${values.out}: ${bytes.byteLength} bytes, SHA-256 ${sha256}\n${language === 'sv' ? 'svarets innehållshash' : 'answer content hash'} ${snapshot.contentHash}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof AnswerBlockedError) {
      io.stderr(`${blockedLines(error, language).join('\n')}\n`);
      return 1;
    }
    if (error instanceof LetterDisclosureError) {
      io.stderr(`${error.message}\n`);
      for (const v of error.violations) io.stderr(`  ${v.label}: ${v.message}\n`);
      return 1;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
