/**
 * Everything a reader knows, as a linear model over whole numbers: one variable per component (low, point, high)
 * of every figure of the table, Halland's two parts, and the loss at every criterion; rows for every relation a
 * reader knows; and, per output, the bounds its print puts on each variable. Rows and outputs are grouped, so a
 * finding can name the relations and outputs that narrow a value.
 */
import { COUNTY_CODES, HEALTHCARE_REGION_IDS, REGIONS, healthcareRegionName, regionName, type HealthcareRegionId } from '../regions/regions';
import { printedNumber, protectedRangesOf, readPercent, readPrintedText, UnreadableText, type Interval } from './read-print';
import { both, componentWords, figureName, lossWords, outputWords, quantityWords } from './texts';
import { AUDIT_COMPONENTS, type AuditComponent, type AuditInput, type PrintedOutput, type Words } from './types';
import type { LpColumn, LpRow } from './milp';

const INF = Number.POSITIVE_INFINITY;
const HALLAND = '13';

/** A group of rows (a relation a reader knows) or of facts (one output's print); 'def' groups are definitions. */
export interface Group {
  id: string;
  text: Words;
  definition: boolean;
}

export interface Fact {
  output: number;
  col: number;
  low: number;
  high: number;
  text: string | null;
}

export interface ProtectedQuantity {
  id: string;
  col: number;
  label: Words;
  /** The interval the print gives it (null: no output prints it). */
  printed: Interval | null;
  /** The texts printed for it ("<5", ".."), for findings. */
  printedText?: string;
  ranges: Interval[];
}

export interface ImmediateFinding {
  kind: 'printed-small' | 'derived-from-hidden' | 'unreadable';
  quantity: string;
  label: Words;
  value?: number;
  range?: Interval;
  outputs: number[];
  text?: string;
  from?: Words[];
}

export interface Knowledge {
  columns: LpColumn[];
  rows: LpRow[];
  rowGroup: number[];
  groups: Group[];
  facts: Fact[];
  quantities: ProtectedQuantity[];
  immediate: ImmediateFinding[];
  /** Column → the quantity id ("region:09#point", "halland-sodra#low", …). */
  columnIds: string[];
  /** Column bounds from every output's facts together (the domain where nothing is printed). */
  bounds(disabledOutputs?: ReadonlySet<number>): { low: Float64Array; high: Float64Array };
}

class Builder {
  readonly columns: LpColumn[] = [];
  readonly columnIds: string[] = [];
  readonly rows: LpRow[] = [];
  readonly rowGroup: number[] = [];
  readonly groups: Group[] = [];
  private readonly groupIndex = new Map<string, number>();
  private readonly columnIndex = new Map<string, number>();

  column(id: string, lower: number, upper: number, integer = true): number {
    const known = this.columnIndex.get(id);
    if (known !== undefined) return known;
    this.columns.push({ lower, upper, integer });
    this.columnIds.push(id);
    this.columnIndex.set(id, this.columns.length - 1);
    return this.columns.length - 1;
  }

  has(id: string): boolean {
    return this.columnIndex.has(id);
  }

  group(id: string, text: Words, definition = false): number {
    const known = this.groupIndex.get(id);
    if (known !== undefined) return known;
    this.groups.push({ id, text, definition });
    this.groupIndex.set(id, this.groups.length - 1);
    return this.groups.length - 1;
  }

  row(group: number, entries: [number, number][], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    for (const [col, coef] of entries) merged.set(col, (merged.get(col) ?? 0) + coef);
    this.rows.push({ entries: [...merged].filter(([, c]) => c !== 0), lower, upper });
    this.rowGroup.push(group);
  }
}

const figureColumn = (b: Builder, figure: string, c: AuditComponent) => b.column(`${figure}#${c}`, 0, INF);

function hrName(id: HealthcareRegionId): Words {
  return both(healthcareRegionName(id, 'sv'), healthcareRegionName(id, 'en'));
}

/** The Halland share printed by any output, as an exact fraction P / D with P, D whole (e.g. "41,6 %" → 416 / 1000). */
function printedHallandShare(outputs: readonly PrintedOutput[]): { p: number; d: number; text: string } | null {
  for (const output of outputs) {
    if (!output.hallandSodraShare) continue;
    const read = readPercent(output.hallandSodraShare);
    if (!read) continue;
    const d = 100 * 10 ** read.digits;
    return { p: Math.round(read.share * d), d, text: output.hallandSodraShare.trim() };
  }
  return null;
}

function addGeography(b: Builder, input: AuditInput): void {
  const split = printedHallandShare(input.outputs);
  for (const c of AUDIT_COMPONENTS) {
    const cw = componentWords(c);
    const region = (code: string) => figureColumn(b, `region:${code}`, c);
    const hS = b.column(`halland-sodra#${c}`, 0, INF);
    const hV = b.column(`halland-vastra#${c}`, 0, INF);
    const parts = b.group(`halland-parts#${c}`, both(`Halland = Hallands del i Södra + Hallands del i Västra (${cw.sv})`, `Halland = Halland’s part in Södra + its part in Västra (${cw.en})`));
    b.row(parts, [[region(HALLAND), 1], [hS, -1], [hV, -1]], 0, 0);
    if (split) {
      // Södra's part is the printed share of Halland rounded to whole patients (halves up): D·hS − P·H ∈ (−D/2, D/2].
      const g = b.group(`halland-split#${c}`, both(`Hallands del i Södra = ${split.text} av Halland, avrundat till hela patienter (${cw.sv})`, `Halland’s part in Södra = ${split.text} of Halland, rounded to whole patients (${cw.en})`));
      b.row(g, [[hS, split.d], [region(HALLAND), -split.p]], -split.d / 2 + 1, split.d / 2);
    }
    for (const id of HEALTHCARE_REGION_IDS) {
      const members = REGIONS.filter((r) => r.code !== HALLAND && r.healthcareRegion === id);
      const names = members.map((r) => both(regionName(r.code, 'sv'), regionName(r.code, 'en')));
      if (id === 'sodra') names.push(both('Hallands del', 'Halland’s part'));
      if (id === 'vastra') names.push(both('Hallands del', 'Halland’s part'));
      const name = hrName(id);
      const g = b.group(`sum:${id}#${c}`, both(`${name.sv} = ${names.map((n) => n.sv).join(' + ')} (${cw.sv})`, `${name.en} = ${names.map((n) => n.en).join(' + ')} (${cw.en})`));
      const entries: [number, number][] = [[figureColumn(b, `healthcare-region:${id}`, c), 1], ...members.map((r): [number, number] => [region(r.code), -1])];
      if (id === 'sodra') entries.push([hS, -1]);
      if (id === 'vastra') entries.push([hV, -1]);
      b.row(g, entries, 0, 0);
    }
    const nation = figureColumn(b, 'national', c);
    const g = b.group(`sum:national#${c}`, both(`Riket = summan av sjukvårdsregionerna (${cw.sv})`, `Sweden = the sum of the healthcare regions (${cw.en})`));
    b.row(g, [[nation, 1], ...HEALTHCARE_REGION_IDS.map((id): [number, number] => [figureColumn(b, `healthcare-region:${id}`, c), -1])], 0, 0);
  }
}

function addAttrition(b: Builder, input: AuditInput, quantities: ProtectedQuantity[], ranges: Interval[]): void {
  const steps = input.structure.attrition;
  if (steps.length === 0) return;
  const name = (i: number) => figureName(`attrition:${steps[i]!.stepId}`, input.structure);
  for (const c of AUDIT_COMPONENTS) {
    const cw = componentWords(c);
    const col = (i: number) => figureColumn(b, `attrition:${steps[i]!.stepId}`, c);
    const end = b.group(`attrition-end#${c}`, both(`Riket = sista urvalssteget (${cw.sv})`, `Sweden = the last attrition step (${cw.en})`));
    b.row(end, [[figureColumn(b, 'national', c), 1], [col(steps.length - 1), -1]], 0, 0);
    let previousEnabled = 0;
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i]!;
      if (!step.enabled) {
        const g = b.group(`step:${step.stepId}#${c}`, both(`${name(i).sv} är avstängt och upprepar steget före (${cw.sv})`, `${name(i).en} is switched off and repeats the step before (${cw.en})`));
        b.row(g, [[col(i), 1], [col(i - 1), -1]], 0, 0);
        continue;
      }
      if (step.removesOnly) {
        const loss = b.column(`loss:${step.stepId}#${c}`, Number.NEGATIVE_INFINITY, INF);
        const definition = b.group(`def:loss:${step.stepId}#${c}`, both('', ''), true);
        b.row(definition, [[loss, 1], [col(previousEnabled), -1], [col(i), 1]], 0, 0);
        const g = b.group(`step:${step.stepId}#${c}`, both(`${name(i).sv} tar bara bort patienter: högst lika många som ${name(previousEnabled).sv} (${cw.sv})`, `${name(i).en} only removes patients: at most as many as ${name(previousEnabled).en} (${cw.en})`));
        b.row(g, [[loss, 1]], 0, INF);
        quantities.push({ id: `loss:${step.stepId}#${c}`, col: loss, label: lossWords(name(i), c), printed: null, ranges });
      }
      previousEnabled = i;
    }
  }
}

/** The figures a reader knows exist: the 21 regions, 6 healthcare regions, the nation, the steps, and any other printed. */
function allFigures(input: AuditInput): string[] {
  const figures = [
    ...COUNTY_CODES.map((c) => `region:${c}`),
    ...HEALTHCARE_REGION_IDS.map((id) => `healthcare-region:${id}`),
    'national',
    ...input.structure.attrition.map((s) => `attrition:${s.stepId}`),
  ];
  for (const output of input.outputs) for (const f of output.figures) if (!figures.includes(f.figure)) figures.push(f.figure);
  return figures;
}

function addOrder(b: Builder, input: AuditInput, figures: string[]): void {
  for (const figure of figures) {
    const name = figureName(figure, input.structure);
    const g = b.group(`order:${figure}`, both(`låg ≤ punkt ≤ hög för ${name.sv}`, `low ≤ point ≤ high for ${name.en}`));
    const [low, point, high] = AUDIT_COMPONENTS.map((c) => figureColumn(b, figure, c)) as [number, number, number];
    b.row(g, [[point, 1], [low, -1]], 0, INF);
    b.row(g, [[high, 1], [point, -1]], 0, INF);
  }
}

function readFacts(b: Builder, input: AuditInput, immediate: ImmediateFinding[]): Fact[] {
  const facts: Fact[] = [];
  input.outputs.forEach((output, index) => {
    b.group(`output:${index}`, outputWords(output.kind));
    for (const printed of output.figures) {
      for (const c of AUDIT_COMPONENTS) {
        const col = figureColumn(b, printed.figure, c);
        const text = printed.texts?.[c];
        if (text !== undefined) {
          try {
            const read = readPrintedText(text, c, output.policy);
            if (read) facts.push({ output: index, col, low: read.low, high: read.high, text });
          } catch (e) {
            if (!(e instanceof UnreadableText)) throw e;
            immediate.push({ kind: 'unreadable', quantity: `${printed.figure}#${c}`, label: quantityWords(figureName(printed.figure, input.structure), c), outputs: [index], text });
          }
        }
        const stated = printed.ranges?.[c];
        if (stated) facts.push({ output: index, col, low: stated.low, high: stated.high ?? INF, text: null });
      }
    }
  });
  return facts;
}

/** Printed percentages: those the printed numbers reproduce say nothing more; any other is a ratio of true values. */
function addShares(b: Builder, input: AuditInput): void {
  input.outputs.forEach((output, index) => {
    const pointText = new Map<string, string>();
    for (const f of output.figures) if (f.texts?.point !== undefined) pointText.set(f.figure, f.texts.point);
    for (const share of output.shares ?? []) {
      const read = readPercent(share.text);
      if (!read) continue;
      const a = printedNumber(pointText.get(share.figure) ?? '');
      const of = printedNumber(pointText.get(share.of) ?? '');
      const expected = (x: number) => (share.kind === 'remaining' ? x : 1 - x);
      if (a !== null && of !== null && of > 0 && Math.abs(expected(a / of) - read.share) <= read.halfUnit + 1e-12) continue;
      // Not reproducible from the print: a reader learns figure/of ∈ [lo, hi], i.e. figure − lo·of ≥ 0 ≥ figure − hi·of.
      const centre = share.kind === 'remaining' ? read.share : 1 - read.share;
      const [lo, hi] = [centre - read.halfUnit, centre + read.halfUnit];
      const name = figureName(share.figure, input.structure);
      const g = b.group(`share:${index}:${share.kind}:${share.figure}`, both(`andelen ${share.kind === 'remaining' ? 'kvar' : 'förlorad'} vid ${name.sv}, tryckt som ${share.text}`, `the share ${share.kind} at ${name.en}, printed as ${share.text}`));
      const x = figureColumn(b, share.figure, 'point');
      const y = figureColumn(b, share.of, 'point');
      b.row(g, [[x, 1], [y, -lo]], 0, INF);
      b.row(g, [[x, 1], [y, -hi]], Number.NEGATIVE_INFINITY, 0);
    }
  });
}

function addTotals(b: Builder, input: AuditInput): void {
  input.outputs.forEach((output, index) => {
    for (const total of output.totals ?? []) {
      for (const c of AUDIT_COMPONENTS) {
        const stated = total.ranges[c];
        if (!stated) continue;
        const cw = componentWords(c);
        const g = b.group(`total:${index}:${total.id}#${c}`, both(`${outputWords(output.kind).sv}: summan för ${total.name.sv} (${cw.sv})`, `${outputWords(output.kind).en}: the total for ${total.name.en} (${cw.en})`));
        b.row(
          g,
          total.parts.map((p): [number, number] => [figureColumn(b, p.figure, c), p.share]),
          stated.low,
          stated.high ?? INF,
        );
      }
    }
  });
}

function overlaps(a: Interval, r: Interval): boolean {
  return a.low <= r.high && a.high >= r.low;
}

export function buildKnowledge(input: AuditInput): Knowledge {
  const b = new Builder();
  const quantities: ProtectedQuantity[] = [];
  const immediate: ImmediateFinding[] = [];
  const ranges = protectedRangesOf(input.policy);
  const figures = allFigures(input);
  for (const figure of figures) for (const c of AUDIT_COMPONENTS) figureColumn(b, figure, c);
  addGeography(b, input);
  addAttrition(b, input, quantities, ranges);
  addOrder(b, input, figures);
  addShares(b, input);
  addTotals(b, input);
  const facts = readFacts(b, input, immediate);

  const bounds = (disabled: ReadonlySet<number> = new Set()) => {
    const low = Float64Array.from(b.columns, (c) => c.lower);
    const high = Float64Array.from(b.columns, (c) => c.upper);
    for (const f of facts) {
      if (disabled.has(f.output)) continue;
      low[f.col] = Math.max(low[f.col]!, f.low);
      high[f.col] = Math.min(high[f.col]!, f.high);
    }
    return { low, high };
  };
  const all = bounds();
  // The facts about each column, in the order of `facts` (what filtering them by column, figure after figure, gave).
  const factsByColumn = new Map<number, typeof facts>();
  for (const f of facts) {
    const list = factsByColumn.get(f.col);
    if (list) list.push(f);
    else factsByColumn.set(f.col, [f]);
  }

  for (const figure of figures) {
    const name = figureName(figure, input.structure);
    for (const c of AUDIT_COMPONENTS) {
      const col = figureColumn(b, figure, c);
      const about = factsByColumn.get(col) ?? [];
      const printedBy = [...new Set(about.map((f) => f.output))];
      if (printedBy.length === 0) continue;
      const printed = { low: all.low[col]!, high: all.high[col]! };
      const label = quantityWords(name, c);
      if (printed.low === printed.high) {
        const hit = ranges.find((r) => overlaps(printed, r) && !(printed.low <= r.low && printed.high >= r.high));
        if (hit) immediate.push({ kind: 'printed-small', quantity: `${figure}#${c}`, label, value: printed.low, range: hit, outputs: printedBy });
        continue;
      }
      if (printed.low > printed.high) continue;
      const texts = [...new Set(about.filter((f) => f.text !== null).map((f) => f.text!.trim()))];
      quantities.push({ id: `${figure}#${c}`, col, label, printed, ...(texts.length > 0 ? { printedText: texts.join(' / ') } : {}), ranges: ranges.filter((r) => overlaps(printed, r)) });
    }
  }

  input.outputs.forEach((output, index) => {
    for (const derived of output.derived ?? []) {
      const hidden = derived.from.filter(({ figure, component }) => {
        const col = figureColumn(b, figure, component);
        return !(all.low[col] === all.high[col]);
      });
      if (hidden.length > 0) {
        immediate.push({
          kind: 'derived-from-hidden',
          quantity: derived.id,
          label: derived.name,
          outputs: [index],
          from: hidden.map(({ figure, component }) => quantityWords(figureName(figure, input.structure), component)),
        });
      }
    }
  });

  return { columns: b.columns, rows: b.rows, rowGroup: b.rowGroup, groups: b.groups, facts, quantities, immediate, columnIds: b.columnIds, bounds };
}
