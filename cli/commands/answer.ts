/**
 * `antal answer export` and `antal answer compile`:
 *
 *   antal answer export --study STUDY.json --data FILE [--data FILE]... --unit NAME --out ANSWER.json
 *       [--region R]... [--node ID] [--policy ohdsi|leaf-shrine|pcornet-act] [--reference REF] [--title TITLE]
 *       [--clinics CLINICS.json] [--eff EFF.json] [--date YYYY-MM-DD] [--json] [--lang sv|en]
 *       (and the estimate's flags: --measure, --population, --kind, --region-basis, --sheet, --encoding, …)
 *   antal answer compile A.json B.json ... [--out COMPILED.json] [--date YYYY-MM-DD] [--strict] [--json] [--lang sv|en]
 *
 * export computes the estimate exactly as `antal estimate` does (it runs that command), discloses the unit's
 * regions under the policy and writes the answer file atomically; compile reads answer files, explains every
 * warning and prints (and with --out writes) the compiled answer. Exit 0 when done, 1 when an input is wrong,
 * disclosure control refuses, or (with --strict) compilation has warnings, 2 on a usage error. Errors go to
 * stderr naming the file, and the line and column (JSON syntax) or JSON path (content).
 */
import { AnswerBlockedError } from '../../shared/answer/blocked';
import {
  AnswerFileDisclosureError,
  CompileError,
  compileAnswers,
  compileWarningText,
  createAnswerFile,
  figureText,
  parseAnswerFile,
  type AnswerFile,
  type AnswerFileIssue,
  type CompiledAnswer,
  type CompiledFigure,
  type CompileWarning,
  type InterestedClinic,
  unitBasisText,
} from '../../shared/answer-file';
import type { EffAnswers } from '../../shared/answer/snapshot';
import { DISCLOSURE_PRESETS, type DisclosurePolicy, type DisclosurePresetId } from '../../shared/disclosure';
import { parseRegion } from '../../shared/regions/parse';
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, type CountyCode, type HealthcareRegionId, regionName, healthcareRegionName } from '../../shared/regions/regions';
import { formatters, renderTable } from '../format';
import { translator } from '../i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/text/language';
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
  readText,
  UsageError,
  writeOutput,
  type CommandIo,
} from '../inputs';
import { answerFor } from './estimate';

export const ANSWER_USAGE =
  'usage: antal answer export --study STUDY.json --data FILE [--data FILE]... --unit NAME --out ANSWER.json\n' +
  '       [--region R]... [--node ID] [--policy ohdsi|leaf-shrine|pcornet-act] [--reference REF] [--title TITLE]\n' +
  '       [--clinics CLINICS.json] [--eff EFF.json] [--date YYYY-MM-DD] [--json] [--lang sv|en]\n' +
  '       [--measure NAME] [--population FILE] [--kind incident|prevalent] [--region-basis residence|care] [--data-period FROM[..TO]]\n' +
  '       [--halland split|split=SHARE|sodra|vastra]\n' +
  '   or: antal answer compile A.json B.json ... [--out COMPILED.json] [--date YYYY-MM-DD] [--strict] [--json] [--lang sv|en]\n';

/** Short names accepted for the presets, as coordinators say them ("ohdsi", "leaf", "pcornet"). */
const POLICY_ALIASES: Record<string, DisclosurePresetId> = { ohdsi: 'ohdsi', leaf: 'leaf-shrine', 'leaf-shrine': 'leaf-shrine', pcornet: 'pcornet-act', 'pcornet-act': 'pcornet-act' };

type Texts = Record<string, string>;

const TEXT: Record<Language, Texts> = {
  sv: {
    exported: '{out}: svarsfil för {unit}, {regions} regioner ({suppressed} skyddade), policy {policy}\ninnehållshash {hash}',
    compiledTitle: 'Sammanställt svar: {title} ({reference})',
    criteriaLine: 'Kriterieversion {version} (hash {hash}), {basis}, röjandeskydd {policy}',
    units: 'Bidragande enheter',
    unit: 'Enhet',
    regionsCol: 'Regioner',
    counted: 'Räknas',
    yes: 'ja',
    no_criteria: 'nej – andra kriterier',
    'no_basis': 'nej – annan bas',
    no_same: 'nej – samma fil två gånger',
    region: 'Region',
    answeredBy: 'Svar från',
    point: 'Punkt',
    interval: 'Intervall',
    notAnswered: 'inget svar',
    withheld: 'visas ej (kan röja ett litet antal)',
    noAnswers: 'inget svar',
    healthcareRegion: 'Sjukvårdsregion',
    missing: 'Saknas',
    national: 'Riket',
    warnings: 'Varningar',
    disclosureOk: 'Röjandekontrollen godkänner sammanställningen ({policy}).',
    disclosureRefused: 'Svarsfilen gjordes inte: röjandekontrollen stoppar den.',
    disclosureFailed: 'Röjandekontrollen stoppar sammanställningen:',
    wrote: 'Skrev {out} (innehållshash {hash})',
    strictFailed: '--strict: sammanställningen har {count} varningar.',
  },
  en: {
    exported: '{out}: answer file for {unit}, {regions} regions ({suppressed} protected), policy {policy}\ncontent hash {hash}',
    compiledTitle: 'Compiled answer: {title} ({reference})',
    criteriaLine: 'Criteria version {version} (hash {hash}), {basis}, disclosure control {policy}',
    units: 'Contributing units',
    unit: 'Unit',
    regionsCol: 'Regions',
    counted: 'Counted',
    yes: 'yes',
    no_criteria: 'no – other criteria',
    no_basis: 'no – other basis',
    no_same: 'no – same file twice',
    region: 'Region',
    answeredBy: 'Answered by',
    point: 'Point',
    interval: 'Interval',
    notAnswered: 'no answer',
    withheld: 'not shown (could reveal a small count)',
    noAnswers: 'no answer',
    healthcareRegion: 'Healthcare region',
    missing: 'Missing',
    national: 'Sweden',
    warnings: 'Warnings',
    disclosureOk: 'Disclosure control passes the compilation ({policy}).',
    disclosureRefused: 'The answer file was not made: disclosure control stops it.',
    disclosureFailed: 'Disclosure control stops the compilation:',
    wrote: 'Wrote {out} (content hash {hash})',
    strictFailed: '--strict: the compilation has {count} warnings.',
  },
};

export type AnswerText = (key: string, params?: Record<string, string | number>) => string;

export function answerTexts(language: Language): AnswerText {
  return (key, params = {}) => {
    const template = TEXT[language][key];
    if (template === undefined) throw new Error(`CLI text "${key}" is missing`);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
  };
}

/** One compile warning as a sentence in the CLI's language (the wording the compilation page uses too). */
export function warningText(warning: CompileWarning, language: Language): string {
  return compileWarningText(warning, language);
}

const problem = (message: string): InputError => new InputError([message]);

/** `file:line:column: message` for syntax errors, `file: /json/path: message` otherwise. */
export function issueLines(path: string, issues: readonly AnswerFileIssue[]): string[] {
  return issues.slice(0, 50).map((i) => (i.line !== undefined ? `${path}:${i.line}:${i.column ?? 1}: ${i.message.replace(/^line \d+, column \d+: /, '')}` : `${path}: ${i.message}`));
}

/** Reads and checks an answer file; throws InputError naming the file and every problem. */
export function readAnswerFile(path: string, io: CommandIo): AnswerFile {
  const parsed = parseAnswerFile(readText(path, io));
  if (!parsed.ok) throw problem(issueLines(path, parsed.issues).join('\n'));
  return parsed.file;
}

function parseRegions(values: readonly string[] | undefined): CountyCode[] {
  if (!values || values.length === 0) return [...COUNTY_CODES];
  return values.flatMap((value) => value.split(',')).map((raw) => {
    const ref = (COUNTY_CODES as readonly string[]).includes(raw.trim()) ? ({ kind: 'county', code: raw.trim() as CountyCode } as const) : parseRegion(raw);
    if (!ref || ref.kind !== 'county') throw new UsageError(`--region: "${raw}" is not one of the 21 regions (give a name such as Skåne or a county code such as 12)`);
    return ref.code;
  });
}

function readClinics(path: string | undefined, io: CommandIo): InterestedClinic[] | undefined {
  if (!path) return undefined;
  const json = readJsonFile(path, io, 'clinics');
  if (!Array.isArray(json)) throw problem(`${path}: the clinics must be a JSON array of { "name", "region", "contact" }`);
  return json.map((item: unknown, i) => {
    const c = item as Record<string, unknown>;
    if (typeof c !== 'object' || c === null || typeof c.name !== 'string' || typeof c.region !== 'string') {
      throw problem(`${path}: /${i}: expected { "name": text, "region": a region, "contact": text }, found ${JSON.stringify(item)}`);
    }
    const region = (COUNTY_CODES as readonly string[]).includes(c.region) ? (c.region as CountyCode) : parseRegion(c.region);
    const code = typeof region === 'string' ? region : region?.kind === 'county' ? region.code : null;
    if (!code) throw problem(`${path}: /${i}/region: "${c.region}" is not one of the 21 regions`);
    return { name: c.name, region: code, ...(typeof c.contact === 'string' ? { contact: c.contact } : {}) };
  });
}

async function runExport(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    ...ANSWER_INPUT_OPTIONS,
    out: { type: 'string' },
    date: { type: 'string' },
    policy: { type: 'string' },
    unit: { type: 'string' },
    node: { type: 'string' },
    region: { type: 'string', multiple: true },
    reference: { type: 'string' },
    title: { type: 'string' },
    clinics: { type: 'string' },
    eff: { type: 'string' },
  }, ANSWER_USAGE, io, { positionals: false });
  if (typeof parsed === 'number') return parsed;
  const { values, usage } = parsed;
  const language = values.lang ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) return usage(`--lang must be sv or en, got "${language}"`);
  try {
    checkAnswerInputFlags(values);
  } catch (error) {
    return usage((error as Error).message);
  }
  if (!values.out) return usage('--out ANSWER.json is required');
  if (!values.unit?.trim()) return usage('--unit NAME is required (the unit is named in every compiled answer)');
  const presetId = POLICY_ALIASES[values.policy ?? 'ohdsi'];
  if (!presetId) return usage(`--policy must be one of ohdsi, leaf-shrine (leaf), pcornet-act (pcornet), got "${values.policy}"`);
  if (values.node !== undefined && !(HEALTHCARE_REGION_IDS as readonly string[]).includes(values.node)) return usage(`--node must be one of ${HEALTHCARE_REGION_IDS.join(', ')}, got "${values.node}"`);
  const text = answerTexts(language);
  try {
    const { createdAt, day } = commandMoment(values.date, io, { wholeDay: false });
    const regions = parseRegions(values.region);
    const inputs = await loadAnswerInputs(values, io, language);
    const { study } = inputs;
    const answer = answerFor(inputs, day);
    const policy = DISCLOSURE_PRESETS[presetId] as DisclosurePolicy;
    const clinics = readClinics(values.clinics, io);
    const eff = values.eff ? (readJsonFile(values.eff, io, 'Early Feedback Form answers') as EffAnswers) : undefined;
    const file = await createAnswerFile({
      unit: { name: values.unit.trim(), ...(values.node ? { node: values.node as HealthcareRegionId } : {}) },
      regions,
      study,
      request: { reference: values.reference ?? study.sponsorReference, title: values.title ?? study.title },
      estimate: answer.estimate,
      hallandRule: inputs.hallandRule,
      basis: inputs.datasets[0]!.dataset.basis,
      policy,
      provenance: inputs.datasets.map(fileProvenance).map(({ name, publisher, periodFrom, periodTo, sha256, synthetic }) => ({ name, publisher, periodFrom, periodTo, sha256, synthetic })),
      ...(clinics ? { clinics } : {}),
      ...(eff ? { eff } : {}),
      createdAt,
    });
    // The file must read back: this names any problem in --eff or --clinics by its JSON path.
    const check = parseAnswerFile(JSON.stringify(file));
    if (!check.ok) throw problem(issueLines(values.out, check.issues).join('\n'));
    writeOutput(io, values.out, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`));
    if (values.json) io.stdout(`${JSON.stringify({ out: values.out, contentHash: file.contentHash, file }, null, 2)}\n`);
    else {
      io.stdout(
        `${text('exported', { out: values.out, unit: file.unit.name, regions: file.regions.length, suppressed: file.regions.filter((r) => r.suppressed).length, policy: `${policy.name} (${policy.version})`, hash: file.contentHash })}\n`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof AnswerBlockedError) {
      io.stderr(`${blockedLines(error, language).join('\n')}\n`);
      return 1;
    }
    if (error instanceof AnswerFileDisclosureError) {
      io.stderr(`${text('disclosureRefused')}\n${error.findings.map((f) => `  ${f.message[language]}`).join('\n')}\n`);
      return 1;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function figureCells(figure: CompiledFigure | null, compiled: CompiledAnswer, language: Language): [string, string] {
  const text = answerTexts(language);
  if (!figure) return [text('notAnswered'), ''];
  if (!figure.printed) return [figure.reason === 'no-answers' ? text('noAnswers') : text('withheld'), ''];
  const t = figureText(figure, compiled.policy, formatters(language).count);
  return [t.point, t.interval];
}

/** The compiled answer as text: units, regions, healthcare regions, Sweden, warnings and the disclosure check. */
export function renderCompiled(compiled: CompiledAnswer, language: Language): string {
  const text = answerTexts(language);
  const basis = unitBasisText(compiled.basis, language);
  const reason = { 'criteria-mismatch': 'no_criteria', 'basis-conflict': 'no_basis', 'same-file-twice': 'no_same' } as const;
  const out = [
    ...(compiled.provenance.some((p) => p.synthetic) ? [translator(language)('syntheticBanner')] : []),
    text('compiledTitle', { title: compiled.request.title, reference: compiled.request.reference }),
    text('criteriaLine', { version: compiled.criteria.studyVersion, hash: compiled.criteria.hash.slice(0, 12), basis, policy: `${compiled.policy.name} (${compiled.policy.version})` }),
    '',
    `${text('units')}:`,
    renderTable(
      [text('unit'), text('regionsCol'), 'Policy', text('counted')],
      compiled.units.map((u) => [u.name, String(u.regions.length), u.policy.name, u.counted ? text('yes') : text(reason[u.excludedBecause!])]),
    ),
    '',
    renderTable(
      [text('region'), text('answeredBy'), text('point'), text('interval')],
      compiled.regions.map((r) => [regionName(r.region, language), r.answers.map((a) => a.unit).join(', '), ...figureCells(r.figure, compiled, language)]),
    ),
    '',
    renderTable(
      [text('healthcareRegion'), text('point'), text('interval'), text('missing')],
      [
        ...compiled.healthcareRegions.map((h) => [healthcareRegionName(h.id, language), ...figureCells(h.figure, compiled, language), h.missingRegions.map((c) => regionName(c, language)).join(', ')]),
        [text('national'), ...figureCells(compiled.national.figure, compiled, language), String(compiled.national.missingRegions.length)],
      ],
    ),
    '',
  ];
  if (compiled.warnings.length > 0) out.push(`${text('warnings')}:`, ...compiled.warnings.map((w) => `- ${warningText(w, language)}`), '');
  out.push(compiled.disclosure.ok ? text('disclosureOk', { policy: compiled.policy.name }) : [text('disclosureFailed'), ...compiled.disclosure.violations.map((v) => `  ${v[language]}`)].join('\n'));
  return `${out.join('\n')}\n`;
}

async function runCompile(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { out: { type: 'string' }, date: { type: 'string' }, strict: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, ANSWER_USAGE, io, { positionals: true });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const language = values.lang ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) return usage(`--lang must be sv or en, got "${language}"`);
  if (positionals.length === 0) return usage('give the answer files to compile: antal answer compile A.json B.json …');
  try {
    const compiledAt = commandMoment(values.date, io, { wholeDay: false }).createdAt;
    const files = positionals.map((path) => readAnswerFile(path, io));
    let compiled: CompiledAnswer;
    try {
      compiled = await compileAnswers(files, { compiledAt });
    } catch (error) {
      if (error instanceof CompileError && typeof error.params.file === 'number') throw problem(`${positionals[error.params.file - 1]}: ${error.message}`);
      throw error;
    }
    io.stdout(values.json ? `${JSON.stringify(compiled, null, 2)}\n` : renderCompiled(compiled, language));
    if (!compiled.disclosure.ok) return 1;
    if (values.out) {
      writeOutput(io, values.out, new TextEncoder().encode(`${JSON.stringify(compiled, null, 2)}\n`));
      if (!values.json) io.stdout(`${answerTexts(language)('wrote', { out: values.out, hash: compiled.contentHash })}\n`);
    }
    if (values.strict && compiled.warnings.length > 0) {
      io.stderr(`${answerTexts(language)('strictFailed', { count: compiled.warnings.length })}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export async function runAnswer(argv: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return runExport(rest, io);
  if (sub === 'compile') return runCompile(rest, io);
  if (sub === '--help' || sub === '-h') {
    io.stdout(ANSWER_USAGE);
    return 0;
  }
  io.stderr(`${sub === undefined ? 'antal answer needs a subcommand: export or compile' : `unknown subcommand "${sub}": use export or compile`}\n${ANSWER_USAGE}`);
  return 2;
}
