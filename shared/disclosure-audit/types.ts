/**
 * What the auditor reads — every output of one answer as a reader sees it — and what it finds.
 *
 * The auditor knows only what is printed (texts, and the whole-value ranges an answer file or a compiled answer
 * states in its JSON) and the rules every reader knows: the disclosure policy as published, the geography
 * (regions add up to healthcare regions, Halland split between Södra and Västra as printed, healthcare regions
 * to the nation), the attrition (the nation is the last step, a criterion only removes patients, a switched-off
 * step repeats the one before) and low ≤ point ≤ high. It never sees a hidden value.
 */
import type { DisclosurePolicy } from '../disclosure/policy';
import type { Language } from '../text/language';

export type AuditComponent = 'low' | 'point' | 'high';

export const AUDIT_COMPONENTS: readonly AuditComponent[] = ['low', 'point', 'high'];

/** The outputs of one answer (all printed from one disclosed table) and the charts and texts derived from it. */
export type OutputKind = 'letter' | 'answer-file' | 'compiled-answer' | 'sponsor-view' | 'csv' | 'recruitment-chart';

/** Whole values an output states outright (an answer file's or compiled answer's JSON); high null = unbounded. */
export interface StatedRange {
  low: number;
  high: number | null;
}

/**
 * One figure of the answer's table as one output prints it. `figure` is the table's id: "region:01" … "region:25",
 * "healthcare-region:<id>", "national", "attrition:<stepId>", "unknown-region", "national-published".
 */
export interface PrintedFigure {
  figure: string;
  /** The printed text of each component shown ("1 234", "<5", "≤10", "1–4", "..", "≥ 12"). */
  texts?: Partial<Record<AuditComponent, string>>;
  /** Ranges stated beside the text (JSON outputs). */
  ranges?: Partial<Record<AuditComponent, StatedRange>>;
}

/** A printed percentage of the attrition: `figure`'s point as a share of `of`'s point ("remaining"), or 1 − that ("lost"). */
export interface PrintedShare {
  kind: 'remaining' | 'lost';
  figure: string;
  of: string;
  /** As printed, e.g. "45,3 %" or "45.3%". */
  text: string;
}

/** A printed sum over regions with stated weights (a compiled answer's healthcare region or Sweden). */
export interface PrintedTotal {
  id: string;
  /** Shown in findings, e.g. "Södra". */
  name: { sv: string; en: string };
  parts: { figure: string; share: number }[];
  ranges: Partial<Record<AuditComponent, StatedRange>>;
}

/** A chart or text computed from figures of the table (the recruitment chart's site rates, …). */
export interface DerivedFigures {
  id: string;
  name: { sv: string; en: string };
  /** Every figure component the drawn or printed numbers are computed from. */
  from: { figure: string; component: AuditComponent }[];
}

export interface PrintedOutput {
  kind: OutputKind;
  /** The policy the output's texts are printed under (a compiled answer's strictest policy may differ). */
  policy: DisclosurePolicy;
  figures: PrintedFigure[];
  shares?: PrintedShare[];
  totals?: PrintedTotal[];
  /** Halland's share counted in Södra as printed, e.g. "42 %" (the rest goes to Västra). */
  hallandSodraShare?: string;
  derived?: DerivedFigures[];
}

export interface AuditStep {
  stepId: string;
  label: string;
  enabled: boolean;
  /** A criterion that can only remove patients: its figure is at most the previous enabled step's, the loss ≥ 0. */
  removesOnly: boolean;
}

/** The shape of the table every reader knows: which attrition steps there are, in printed order. */
export interface AnswerStructure {
  attrition: AuditStep[];
}

export interface AuditInput {
  /** The policy whose protected ranges no hidden value may be narrowed into. */
  policy: DisclosurePolicy;
  structure: AnswerStructure;
  outputs: PrintedOutput[];
}

export interface AuditOptions {
  /** Compute the exact lowest and highest value of every protected quantity (slower; for tests and diagnostics). */
  exactBounds?: boolean;
  /** Name the relations behind at most this many findings (each takes a few more solves); default 5. */
  explainAtMost?: number;
}

/** A text in every language Antal speaks. */
export type Words = Readonly<Record<Language, string>>;

/** A relation or output a finding rests on. */
export interface FindingReason {
  id: string;
  text: Words;
}

export interface AuditFinding {
  kind: 'narrowed' | 'printed-small' | 'derived-from-hidden' | 'unreadable' | 'contradiction' | 'undecided';
  /** The quantity: "region:09#point", "loss:<stepId>#high", or the derived output's id. */
  quantity: string;
  label: Words;
  /** What the print says (null for quantities no output prints, such as the loss at a step). */
  printed: { low: number; high: number } | null;
  /** What a reader can narrow it to (for 'narrowed' and 'printed-small'). */
  inferred: { low: number; high: number } | null;
  protectedRange: { from: number; to: number } | null;
  /** The relations and outputs that together narrow it (a minimal set). */
  reasons: FindingReason[];
  message: Words;
}

export interface QuantityBounds {
  quantity: string;
  label: Words;
  printed: { low: number; high: number } | null;
  /** Lowest and highest value over every integer assignment consistent with the print (exact with `exactBounds`). */
  low: number;
  high: number;
}

export interface AuditResult {
  ok: boolean;
  findings: AuditFinding[];
  /** Per protected quantity (hidden figures and the losses at criteria): the values a reader cannot rule out. */
  bounds: QuantityBounds[];
  stats: { variables: number; rows: number; solves: number; milliseconds: number };
}
