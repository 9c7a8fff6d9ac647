/**
 * Proposes a role for every column from its header (Swedish or English) and its values, with the evidence
 * for each decision: dimension columns (region, ICD-10 code, sex, age, period, extra such as ATC codes),
 * measure columns (counts of persons or events, rates, populations) and, for wide layouts, which
 * dimension a row of headers such as "2019;2020;Totalt" or "0-4;5-9;85+" spreads out.
 */
import type { DimensionRole } from '../counts/dataset';
import { foldText } from '../utils/text';
import { parseAgeBand } from '../utils/age-band';
import { municipalityCounty, parseRegion } from '../regions/parse';
import type { TableStructure, Note } from './table-structure';
import type { ColumnMapping, ImportMapping } from './import-mapping';
import { dimensionFromHeaderParts } from './header-roles';
import { classifyMeasureHeader, rateUnit, type MeasureSpec } from './measure-kind';
import { assumedMeasureName, isMeasureNameHeader, namedMeasure } from './measure-names';
import { isTotalRowLabel, memberReadings, MEMBER_ROLE_ORDER, type MemberReading, type MemberRole } from './member-labels';
import { parseSex } from './parse-sex';
import { parsePeriodLabel, parseMonthName } from './parse-period-label';
import { parseCodeValue } from './parse-code-value';
import { decideNumberFormat, type NumberFormatDecision } from './swedish-number';
import { DEFAULT_MASK_TOKENS, DEFAULT_TOKENS, DEFAULT_ZERO_TOKENS, isValueToken, type TokenTable } from './value-tokens';
import { problem, type ImportProblem } from './problems';
import { normaliseDimension } from './row-rules';
import { english, phrase, rolePhrase, valuePhrase, type Phrase, type PhraseKey } from './phrases';
import { specBecause } from './measure-kind';

export interface ColumnReport {
  /** 1-based, as in error messages. */
  column: number;
  header: string;
  mapping: ColumnMapping;
  /** Why the column got its role and format, in English (CLI). */
  evidence: string[];
  /** The same reasons as translatable phrases, one per evidence item. */
  reasons: Phrase[];
  /** A few distinct values as found. */
  sample: string[];
  numberFormat?: NumberFormatDecision;
}

export interface UnpivotReport {
  measure: string;
  role: MemberRole;
  columns: string[];
  /** Header of the column that holds the published total of the spread, if any ("Totalt"). */
  totalColumn: string | null;
}

export interface LayoutReport {
  kind: 'long' | 'wide';
  headerRows: number;
  unpivoted: UnpivotReport[];
}

export interface ProposedMapping {
  columns: ColumnReport[];
  mapping: ImportMapping;
  layout: LayoutReport;
  problems: ImportProblem[];
}

const NUMBERISH = /^[-\u2212+]?\d[\d \u00a0\u202f\u2009.,]*$/;
const share = (n: number, of: number): Phrase => phrase('share', { k: n, n: of });


/** Adds one reason to a column's evidence, in English and as a phrase. */
function say(report: ColumnReport, reason: Phrase): void {
  report.evidence.push(english(reason));
  report.reasons.push(reason);
}

function slug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'column';
}

function distinctSample(values: readonly string[], n = 5): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (!out.includes(v)) out.push(v);
    if (out.length === n) break;
  }
  return out;
}

interface ValueProfile {
  values: string[];
  numeric: number;
  region: number;
  sex: number;
  age: number;
  period: number;
  icd: number;
  atc: number;
}

function profile(values: string[], tokens: TokenTable): ValueProfile {
  const p: ValueProfile = { values, numeric: 0, region: 0, sex: 0, age: 0, period: 0, icd: 0, atc: 0 };
  // Profiling every value of a million-row file costs little, but a sample is as telling; and labels
  // repeat, so each distinct value is parsed once and counted as often as it occurs.
  const sample = values.length > 5000 ? values.filter((_, i) => i % Math.ceil(values.length / 5000) === 0) : values;
  const occurrences = new Map<string, number>();
  for (const v of sample) occurrences.set(v, (occurrences.get(v) ?? 0) + 1);
  for (const [v, k] of occurrences) {
    if (NUMBERISH.test(v) || isValueToken(v, tokens)) p.numeric += k;
    // A municipality with its name ("0180 Stockholm", not a bare "2021" that may be a year) is read as its county.
    if (parseRegion(v) || (/\D/.test(v) && municipalityCounty(v))) p.region += k;
    if (parseSex(v)) p.sex += k;
    if (!/^\d+$/.test(v) && parseAgeBand(v)) p.age += k;
    if (parsePeriodLabel(v)) p.period += k;
    const code = parseCodeValue(v);
    if (code?.kind === 'icd10') p.icd += k;
    if (code?.kind === 'atc') p.atc += k;
  }
  p.values = sample;
  return p;
}

interface HeaderReading {
  measure: MeasureSpec | null;
  measureWords: string;
  /** Readings of the member part of the header, one list per header part that names a member. */
  members: MemberReading[][];
}

/** Split a value column's header into its measure words and member labels ("Population 2019", "2019 Jan"). */
function readValueHeader(parts: readonly string[]): HeaderReading {
  const members: MemberReading[][] = [];
  const words: string[] = [];
  const joined = parts.join(' ');
  // A total named with what it totals ("Totalt 2020–2021", "Summa veckor") in the lowest row totals every
  // dimension its siblings spread, whatever label spans over it from the row above.
  const lowest = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && isTotalRowLabel(lowest) && memberReadings(lowest).length === 0 && !classifyMeasureHeader(lowest)) {
    return { measure: null, measureWords: '', members: [memberReadings('Totalt')] };
  }
  // Years above months ("2019" over "Jan") or a month name with its year in one header.
  const combinedPeriod = parts.length > 1 ? parsePeriodLabel(joined) : null;
  if (combinedPeriod) return { measure: null, measureWords: '', members: [[{ role: 'period', value: combinedPeriod }]] };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    // "2019" over "Totalt": the year's own total is the year.
    if (next !== undefined && /^\d{4}$/.test(part.trim()) && memberReadings(next).some((r) => r.value === 'all') && parseMonthName(next) === null) {
      members.push([{ role: 'period', value: part.trim() }]);
      i++;
      continue;
    }
    // A super-header that names the dimension its columns spread ("Ålder" over "0", "1–4", …) is no measure word.
    if (parts.length > 1 && dimensionFromHeaderParts([part]) !== null && !classifyMeasureHeader(part)) continue;
    // "Totalt 2020–2021", "Summa veckor": a total column named with what it totals.
    const readings = memberReadings(part).length > 0 || !isTotalRowLabel(part) ? memberReadings(part) : memberReadings('Totalt');
    if (readings.length > 0 && !classifyMeasureHeader(part)) {
      members.push(readings);
      continue;
    }
    // A measure phrase followed by a member label: "Population 2019", "Antal patienter 0-19".
    const tokens = part.trim().split(/\s+/);
    let split = false;
    for (let k = 1; k < tokens.length && k <= 3; k++) {
      const tail = tokens.slice(tokens.length - k).join(' ');
      const tailReadings = memberReadings(tail).filter((r) => r.role === 'period' || r.role === 'age');
      if (tailReadings.length > 0) {
        words.push(tokens.slice(0, tokens.length - k).join(' '));
        members.push(tailReadings);
        split = true;
        break;
      }
    }
    if (!split) words.push(part);
  }
  const measureWords = words.join(' ').trim();
  return { measure: measureWords ? classifyMeasureHeader(measureWords) : null, measureWords, members };
}

function dimensionKey(role: DimensionRole, header: string, used: Set<string>): string {
  let key = role === 'extra' ? slug(header) : role;
  for (let n = 2; used.has(key); n++) key = `${role === 'extra' ? slug(header) : role}-${n}`;
  used.add(key);
  return key;
}

/**
 * The measure a title line names ("Antal döda efter dödsorsak, kön och ålder", "Vårdtillfällen/100 000 inv"),
 * named by the title up to "efter"/"by" ("Antal döda"). A rate keeps what its numerator counts.
 */
function measureFromNotes(notes: readonly Note[]): { spec: MeasureSpec; name: string } | null {
  for (const note of notes) {
    if (note.kind !== 'title') continue;
    const spec = classifyMeasureHeader(note.text);
    if (!spec) continue;
    const unit = spec.kind === 'rate' ? rateUnit(note.text.split('/')[0]!.split(/\bper\b/i)[0]!) : undefined;
    const withUnit = unit ? { ...spec, unit } : spec;
    const name = note.text.split(/\s+(?:efter|by)\s+/i)[0]!.trim() || note.text;
    return { spec: specBecause(withUnit, phrase('mkTitle', { line: note.line, because: spec.because ?? spec.evidence })), name };
  }
  return null;
}

/**
 * True when column `c` names the code of column `codeColumn` on every row: both are filled on the same rows
 * (a fill-down layout leaves both blank below the first row of a group), and each name goes with one code.
 */
function namesCodes(table: TableStructure, c: number, codeColumn: number): boolean {
  const codeOf = new Map<string, string>();
  let rows = 0;
  for (const record of table.body) {
    const name = (record.cells[c] ?? '').trim();
    const raw = (record.cells[codeColumn] ?? '').trim();
    if (name === '' && raw === '') continue;
    if (name === '' || raw === '') return false;
    const code = normaliseDimension('code', raw);
    if (code === null) return false;
    const seen = codeOf.get(name);
    if (seen !== undefined && seen !== code) return false;
    codeOf.set(name, code);
    rows++;
  }
  return rows >= 2;
}

/**
 * A column of measure names: its header says so ("Mått", "Measure", "Tabellinnehåll"), or nearly all its
 * values name measures, of at least two kinds ("Number of patients", "Admissions").
 */
function namesMeasures(header: string, values: readonly string[]): boolean {
  if (values.length === 0) return false;
  if (isMeasureNameHeader(header)) return true;
  const distinct = [...new Set(values)];
  if (distinct.length < 2 || distinct.some((v) => NUMBERISH.test(v) || isValueToken(v))) return false;
  const specs = distinct.map((v) => classifyMeasureHeader(v));
  if (specs.filter((x) => x !== null).length < 0.9 * distinct.length) return false;
  return new Set(specs.map((x) => (x ? `${x.kind}:${x.unit ?? ''}` : ''))).size >= 2;
}

/** Each name in the measure column (of the rows read) with its measure; a name whose words name none is assumed a count of persons, with a warning. */
function measureNameSpecs(table: TableStructure, column: number, file: string, problems: ImportProblem[]): Record<string, MeasureSpec> {
  const specs: Record<string, MeasureSpec> = {};
  for (const record of table.body) {
    const name = (record.cells[column] ?? '').trim();
    if (name === '' || name in specs) continue;
    const spec = classifyMeasureHeader(name);
    if (spec) {
      specs[name] = spec;
    } else {
      specs[name] = assumedMeasureName(name);
      problems.push(problem('measure-kind-assumed', 'warning', { file, line: record.line, column: column + 1, columnName: table.headers[column] ?? '' }, name,
        phrase('measureAssumedExp'), phrase('measureAssumedMsg')));
    }
  }
  return specs;
}

export interface DetectOptions {
  file: string;
  delimiter: string;
  /** The source's tokens (defaults and those its footnotes explain), so that their cells count as values. */
  tokens?: TokenTable;
}

export function proposeMapping(table: TableStructure, options: DetectOptions): ProposedMapping {
  const tokens = options.tokens ?? DEFAULT_TOKENS;
  const problems: ImportProblem[] = [];
  const reports: ColumnReport[] = [];
  const usedKeys = new Set<string>();
  const valueColumns: { index: number; reading: HeaderReading; header: string }[] = [];
  const textColumns: number[] = [];
  let nameColumn = -1;

  const seenHeaders = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const f = foldText(h);
    if (f === '') return;
    const first = seenHeaders.get(f);
    if (first !== undefined) {
      problems.push(problem('duplicate-header', 'warning', { file: options.file, line: table.headerLines[0] ?? null, column: i + 1, columnName: h }, h,
        phrase('duplicateHeaderExp'), phrase('duplicateHeaderMsg', { first: first + 1 })));
    } else seenHeaders.set(f, i);
  });

  for (let c = 0; c < table.width; c++) {
    const header = table.headers[c] ?? '';
    const values = table.body.map((r) => (r.cells[c] ?? '').trim()).filter((v) => v !== '');
    const prof = profile(values, tokens);
    const n = prof.values.length;
    const report: ColumnReport = { column: c + 1, header, mapping: { kind: 'ignore' }, evidence: [], reasons: [], sample: distinctSample(values) };
    reports.push(report);
    const mostly = (k: number): boolean => n > 0 && k >= 0.9 * n;
    if (nameColumn < 0 && namesMeasures(header, values)) {
      nameColumn = c;
      say(report, phrase(isMeasureNameHeader(header) ? 'colMeasureNamesHeader' : 'colMeasureNamesValues', { header }));
      report.mapping = { kind: 'measure-name', key: dimensionKey('extra', header, usedKeys), specs: {} };
      continue;
    }
    const headerRole = dimensionFromHeaderParts(table.headerParts[c] ?? [header]);

    if (headerRole) {
      let role: DimensionRole;
      if (headerRole === 'code' || headerRole === 'drug') {
        const icd = headerRole === 'code' && prof.atc === 0 && mostly(prof.icd);
        role = icd ? 'code' : 'extra';
        const values = icd ? phrase('colIcdShare', { share: share(prof.icd, n) }) : prof.atc > 0 ? phrase('colAtcShare', { share: share(prof.atc, n) }) : phrase('colNotIcd');
        say(report, phrase(headerRole === 'drug' ? 'colHeaderDrug' : 'colHeaderCode', { header, values }));
      } else {
        role = headerRole;
        say(report, phrase('colHeaderRole', { header, role: rolePhrase(role) }));
      }
      report.mapping = { kind: 'dimension', role, key: dimensionKey(role, header, usedKeys) };
      continue;
    }
    if (n === 0) {
      const spec = classifyMeasureHeader(header);
      say(report, header === '' ? phrase('colEmptyNoHeader') : spec ? phrase('colEmptyMeasure', { header }) : phrase('colEmpty'));
      continue;
    }
    // A header that names a measure ("Antal") decides even when some values are not numbers: those
    // values then become errors with their line, instead of the whole column turning into a label.
    const measureHeader = classifyMeasureHeader(header) !== null && memberReadings(header).length === 0;
    if (mostly(prof.numeric) || (measureHeader && prof.numeric > 0)) {
      const allYears = values.every((v) => /^(1[89]\d\d|2[01]\d\d)$/.test(v));
      if (header === '' && allYears) {
        say(report, phrase('colYears'));
        report.mapping = { kind: 'dimension', role: 'period', key: dimensionKey('period', 'period', usedKeys) };
        continue;
      }
      say(report, phrase('colNumeric', { share: share(prof.numeric, n) }));
      valueColumns.push({ index: c, reading: readValueHeader(table.headerParts[c] ?? []), header });
      continue;
    }
    const byValues: [DimensionRole, number, PhraseKey][] = [
      ['region', prof.region, 'colRegions'],
      ['sex', prof.sex, 'colSexes'],
      ['code', prof.atc === 0 ? prof.icd : 0, 'colIcd'],
      ['extra', prof.atc, 'colAtc'],
      ['period', prof.period, 'colPeriods'],
      ['age', prof.age, 'colAges'],
    ];
    const hit = byValues.find(([, k]) => mostly(k));
    const role: DimensionRole = hit ? hit[0] : 'extra';
    say(report, hit ? phrase(hit[2], { share: share(hit[1], n) }) : phrase('colExtra'));
    report.mapping = { kind: 'dimension', role, key: dimensionKey(role, header, usedKeys) };
    if (!hit) textColumns.push(c);
  }

  // A text column that only names the code beside it ("Dödsorsak" next to "ICD-10") is no dimension of its own:
  // split by it, a chapter row and its own blocks would fall into different groups and be added together.
  const codeColumn = reports.findIndex((r) => r.mapping.kind === 'dimension' && r.mapping.role === 'code');
  if (codeColumn >= 0) {
    for (const c of textColumns) {
      if (!namesCodes(table, c, codeColumn)) continue;
      const report = reports[c]!;
      say(report, phrase('colCodeNames', { column: table.headers[codeColumn] ?? '' }));
      report.mapping = { kind: 'ignore' };
    }
  }

  // Value columns: group by measure, then decide which dimension their member labels spread.
  const titleMeasure = measureFromNotes(table.notes);
  const groups = new Map<string, { name: string; spec: MeasureSpec; cols: typeof valueColumns }>();
  for (const vc of valueColumns) {
    let spec = vc.reading.measure;
    let name = vc.reading.measureWords;
    const report = reports[vc.index]!;
    if (nameColumn >= 0) {
      // Each row names its own measure: the column's words say nothing of it ("Värde", "2019").
      spec = specBecause({ kind: 'count', unit: 'persons' }, phrase('mkNameColumn', { column: table.headers[nameColumn] ?? '' }));
      name = name || 'value';
    } else if (!spec && vc.reading.members.length === 0 && name) {
      if (titleMeasure) {
        // A column named by what it is about ("I21 Akut hjärtinfarkt") under a title naming the measure
        // ("Vårdtillfällen/100 000 inv"): its own measure, of the title's kind.
        spec = titleMeasure.spec;
      } else {
        spec = specBecause({ kind: 'count', unit: 'persons' }, phrase('mkUnknownName', { name }));
        problems.push(problem('measure-kind-assumed', 'warning', { file: options.file, line: table.headerLines[0] ?? null, column: vc.index + 1, columnName: vc.header }, vc.header,
          phrase('measureAssumedExp'), phrase('measureAssumedMsg')));
      }
    }
    if (!spec) {
      if (titleMeasure) {
        spec = titleMeasure.spec;
        name = name || titleMeasure.name;
      } else {
        spec = specBecause({ kind: 'count', unit: 'persons' }, phrase('mkNoName'));
        name = name || 'Antal';
        problems.push(problem('measure-kind-assumed', 'warning', { file: options.file, line: table.headerLines[0] ?? null, column: vc.index + 1, columnName: vc.header }, vc.header,
          phrase('measureUntitledExp'), phrase('measureUntitledMsg')));
      }
    }
    const key = slug(name);
    say(report, spec.because ?? phrase('verbatim', { text: spec.evidence }));
    const group = groups.get(key) ?? { name, spec, cols: [] };
    group.cols.push(vc);
    groups.set(key, group);
  }

  const unpivoted: UnpivotReport[] = [];
  const longRoles = new Set(reports.flatMap((r) => (r.mapping.kind === 'dimension' ? [r.mapping.role] : [])));
  for (const [key, group] of groups) {
    const slots = Math.max(...group.cols.map((c) => c.reading.members.length));
    const chosen: (MemberRole | null)[] = [];
    for (let s = 0; s < slots; s++) {
      const role = MEMBER_ROLE_ORDER.find((r) => !longRoles.has(r) && !chosen.includes(r) && group.cols.every((c) => c.reading.members[s]?.some((m) => m.role === r)));
      chosen.push(role ?? null);
    }
    for (const vc of group.cols) {
      const members: MemberReading[] = [];
      chosen.forEach((role, s) => {
        const m = role ? vc.reading.members[s]?.find((x) => x.role === role) : undefined;
        if (m) members.push(m);
      });
      const report = reports[vc.index]!;
      const unresolved = chosen.some((r) => r === null) || (group.cols.length > 1 && members.length === 0);
      const decision = decideNumberFormat(
        table.body.map((r) => (r.cells[vc.index] ?? '').trim()).filter((v) => v !== '' && !isValueToken(v, tokens)),
        { wholeNumbers: group.spec.kind === 'count' || group.spec.kind === 'population', delimiter: options.delimiter },
      );
      report.numberFormat = decision;
      say(report, phrase('colNumberFormat', { because: decision.because }));
      if (decision.ambiguous) {
        problems.push(problem('ambiguous-number-format', 'warning', { file: options.file, line: null, column: vc.index + 1, columnName: vc.header }, report.sample.join(' | '),
          phrase('ambiguousFormatExp'), decision.because));
      }
      if (unresolved) {
        // Headers that do not read as members of one dimension: each column is its own measure.
        report.mapping = { kind: 'measure', measure: slug(vc.header), name: vc.header, spec: group.spec, members: [], numberFormat: decision.format };
        say(report, phrase('colOwnMeasure'));
      } else {
        report.mapping = { kind: 'measure', measure: key, name: group.name, spec: group.spec, members, numberFormat: decision.format };
        if (members.length > 0) say(report, phrase('colMembers', { members: members.map((m) => phrase('member', { role: rolePhrase(m.role), value: valuePhrase(m.role, m.value) })) }));
      }
    }
    chosen.forEach((role) => {
      if (!role || group.cols.length < 2) return;
      const total = group.cols.find((c) => c.reading.members.flat().some((m) => m.role === role && (m.value === 'all' || m.value === 'national')));
      unpivoted.push({ measure: key, role, columns: group.cols.map((c) => c.header), totalColumn: total ? total.header : null });
    });
  }

  if (valueColumns.length === 0) {
    problems.push(problem('no-measure', 'error', { file: options.file, line: table.headerLines[0] ?? null, column: null }, table.headers.join(' | '),
      phrase('noMeasureExp'), phrase('noMeasureMsg')));
  }

  const ratePopulation: Record<string, string> = {};
  if (nameColumn >= 0) {
    // The names met in these rows, each with its measure; a rate is linked to the population the rows name.
    const nameReport = reports[nameColumn]!;
    const specs = measureNameSpecs(table, nameColumn, options.file, problems);
    if (nameReport.mapping.kind === 'measure-name') nameReport.mapping.specs = specs;
    say(nameReport, phrase('colMeasureNamesList', { names: Object.entries(specs).map(([n, spec]) => phrase('measureNamed', { name: n, because: spec.because ?? phrase('verbatim', { text: spec.evidence }) })) }));
    const groupList = [...groups.entries()].map(([key, g]) => ({ key, name: g.name }));
    for (const group of groupList) {
      const population = Object.entries(specs).find(([, spec]) => spec.kind === 'population');
      if (!population) continue;
      for (const [n, spec] of Object.entries(specs)) {
        if (spec.kind === 'rate' && spec.ratePer) ratePopulation[namedMeasure(n, group, groupList.length).key] = namedMeasure(population[0], group, groupList.length).key;
      }
    }
  } else {
    const populationKey = [...groups.entries()].find(([, g]) => g.spec.kind === 'population')?.[0];
    for (const [key, g] of groups) if (g.spec.kind === 'rate' && g.spec.ratePer && populationKey) ratePopulation[key] = populationKey;
  }

  const mapping: ImportMapping = {
    columns: reports.map((r) => r.mapping),
    ratePopulation,
    excludeLines: [],
    maskTokens: { ...DEFAULT_MASK_TOKENS },
    zeroTokens: [...DEFAULT_ZERO_TOKENS],
  };
  return {
    columns: reports,
    mapping,
    layout: { kind: unpivoted.length > 0 ? 'wide' : 'long', headerRows: table.headerLines.length, unpivoted },
    problems,
  };
}
