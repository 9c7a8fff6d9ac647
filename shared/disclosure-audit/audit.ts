/**
 * The exact disclosure auditor: for every hidden quantity — a figure component printed as "<5", a band, ".." or a
 * rounded number, and the loss at every criterion — the lowest and highest value over all whole-number
 * assignments consistent with everything every output prints. A finding is any such range that cuts into a
 * protected range without covering it (a "<5" narrowed to 3–4, a ".." to 2–9, a loss to exactly 2), any number
 * printed inside a protected range, and any chart or text computed from a figure that is not printed as a number.
 *
 * How it decides, exactly and cheaply:
 * 1. Bounds every relation implies are propagated (sound: a reader can always derive them). The table falls apart
 *    into independent parts: values connected through relations whose other members are still open.
 * 2. A value is safe at an end of a protected range as soon as one assignment consistent with the whole print
 *    reaches it. Assignments are found by a short search and each is checked against every relation.
 * 3. Every end no assignment reached is decided by HiGHS: the exact minimum or maximum of that value over the
 *    whole-number assignments of its part (a mixed-integer program). So every "safe" rests on a checked
 *    assignment and every "narrowed" on a solver optimum.
 * A finding names a minimal set of the relations and outputs that narrow the value: each is removed in turn and
 * left out when the narrowing holds without it.
 */
import type { Highs } from 'highs';
import { buildKnowledge, type Knowledge, type ProtectedQuantity } from './knowledge';
import { MilpSession, type LpColumn, type LpRow } from './milp';
import type { Interval } from './read-print';
import { components, copyBox, findAssignment, propagate, rowsByColumn, satisfies, type Box } from './search';
import { contradictionMessage, derivedMessage, narrowedMessage, outputWords, printedSmallMessage, undecidedMessage, unreadableMessage } from './texts';
import type { AuditFinding, AuditInput, AuditOptions, AuditResult, FindingReason, QuantityBounds, Words } from './types';

const INF = Number.POSITIVE_INFINITY;

interface Part {
  columns: number[];
  rows: number[];
  /** A consistent assignment of the part (found once; the search starts from it). */
  base: Float64Array | null;
  session: { milp: MilpSession; index: Map<number, number> } | null;
}

class Audit {
  readonly knowledge: Knowledge;
  readonly byColumn: number[][];
  readonly box: Box;
  readonly parts: Part[] = [];
  private readonly partOf: Int32Array;
  readonly seenLow: Float64Array;
  readonly seenHigh: Float64Array;
  private readonly exactLow = new Map<number, number>();
  private readonly exactHigh = new Map<number, number>();
  solves = 0;
  undecided: string | null = null;
  consistent: boolean;
  private full: MilpSession | null = null;

  constructor(
    private readonly highs: Highs,
    readonly input: AuditInput,
  ) {
    this.knowledge = buildKnowledge(input);
    const k = this.knowledge;
    this.byColumn = rowsByColumn(k.columns.length, k.rows);
    this.box = k.bounds();
    this.consistent = propagate(this.box, k.columns, k.rows, this.byColumn, k.rows.keys());
    this.seenLow = Float64Array.from(this.box.low, (v, i) => (this.box.high[i] === v ? v : INF));
    this.seenHigh = Float64Array.from(this.box.high, (v, i) => (this.box.low[i] === v ? v : -INF));
    this.partOf = new Int32Array(k.columns.length).fill(-1);
    if (!this.consistent) return;
    // Rows over fixed values only must hold as printed.
    const fixedRows = k.rows.map((_, r) => r).filter((r) => k.rows[r]!.entries.every(([c]) => this.box.low[c] === this.box.high[c]));
    if (!satisfies(this.box.low, this.box, k.rows, fixedRows, [])) {
      this.consistent = false;
      return;
    }
    for (const p of components(this.box, k.rows, this.byColumn, k.columns.length)) {
      p.columns.forEach((c) => (this.partOf[c] = this.parts.length));
      this.parts.push({ ...p, base: null, session: null });
    }
  }

  private record(part: Part, x: Float64Array): void {
    for (const c of part.columns) {
      this.seenLow[c] = Math.min(this.seenLow[c]!, x[c]!);
      this.seenHigh[c] = Math.max(this.seenHigh[c]!, x[c]!);
    }
  }

  /** The part's own mixed-integer program: its open columns, its rows with the fixed values moved to the bounds. */
  private sessionOf(part: Part): { milp: MilpSession; index: Map<number, number> } {
    if (part.session) return part.session;
    const k = this.knowledge;
    const index = new Map(part.columns.map((c, i) => [c, i]));
    const columns: LpColumn[] = part.columns.map((c) => ({ lower: this.box.low[c]!, upper: this.box.high[c]!, integer: k.columns[c]!.integer }));
    const rows: LpRow[] = part.rows.map((r) => {
      const row = k.rows[r]!;
      let constant = 0;
      const entries: [number, number][] = [];
      for (const [c, a] of row.entries) {
        const i = index.get(c);
        if (i === undefined) constant += a * this.box.low[c]!;
        else entries.push([i, a]);
      }
      return { entries, lower: row.lower - constant, upper: row.upper - constant };
    });
    part.session = { milp: new MilpSession(this.highs, columns, rows), index };
    return part.session;
  }

  /** Some consistent assignment of the part: by search, else by the solver. False when there is none. */
  baseOf(part: Part): Float64Array | null | false {
    if (part.base) return part.base;
    const k = this.knowledge;
    let x = findAssignment(copyBox(this.box), k.columns, k.rows, this.byColumn, part, null);
    if (!x) {
      const { milp, index } = this.sessionOf(part);
      this.solves++;
      const outcome = milp.minimize(new Map());
      if (outcome.status === 'infeasible') return false;
      if (outcome.status !== 'optimal') {
        this.undecided = outcome.status === 'undecided' ? outcome.detail : 'no bounded assignment';
        return null;
      }
      const whole = milp.wholeSolution(outcome.values);
      if (!whole) {
        this.undecided = 'the solver’s assignment does not check';
        return null;
      }
      x = Float64Array.from(this.box.low);
      for (const [c, i] of index) x[c] = whole[i]!;
    }
    part.base = x;
    this.record(part, x);
    return x;
  }

  /** Tries to reach `value` or beyond on a column by search; records what it finds. */
  reach(col: number, side: 'down' | 'up', value: number): boolean {
    if (side === 'down' ? this.seenLow[col]! <= value : this.seenHigh[col]! >= value) return true;
    const part = this.parts[this.partOf[col]!];
    if (!part) return false;
    const base = this.baseOf(part);
    if (!base) return false;
    const k = this.knowledge;
    const box = copyBox(this.box);
    if (side === 'down') box.high[col] = Math.min(box.high[col]!, value);
    else box.low[col] = Math.max(box.low[col]!, value);
    if (box.low[col]! > box.high[col]!) return false;
    const x = findAssignment(box, k.columns, k.rows, this.byColumn, part, base);
    if (!x) return false;
    this.record(part, x);
    return side === 'down' ? x[col]! <= value : x[col]! >= value;
  }

  /**
   * The exact lowest or highest value of a column over its part (null when undecided).
   *
   * A solver optimum is a claim that nothing lies beyond it, which no single assignment can check; a MIP solver
   * with a defect cuts off feasible points and says so with confidence (HiGHS's presolve has done exactly that on
   * these tables). So the value is asked twice, of two differently computed solves (without and with presolve),
   * and the more extreme of the two counts, each taken from its assignment once that is checked against every row
   * of the part: a wrong optimum is then caught whenever the other solve reaches further.
   */
  extreme(col: number, side: 'down' | 'up'): number | null {
    const cache = side === 'down' ? this.exactLow : this.exactHigh;
    const known = cache.get(col);
    if (known !== undefined) return known;
    const part = this.parts[this.partOf[col]!];
    if (!part) {
      const fixed = side === 'down' ? this.box.low[col]! : this.box.high[col]!;
      cache.set(col, fixed);
      return fixed;
    }
    if (this.baseOf(part) === false) {
      this.consistent = false;
      return null;
    }
    if (this.undecided) return null;
    const first = this.solveExtreme(part, col, side, false);
    if (first === null) return null;
    const second = Number.isFinite(first) ? this.solveExtreme(part, col, side, true) : first;
    if (second === null) return null;
    const value = side === 'down' ? Math.min(first, second) : Math.max(first, second);
    cache.set(col, value);
    return value;
  }

  /** One solve for the extreme of a column: its checked assignment's value (the optimum if none checks), ±∞ if unbounded. */
  private solveExtreme(part: Part, col: number, side: 'down' | 'up', presolve: boolean): number | null {
    const { milp, index } = this.sessionOf(part);
    const i = index.get(col)!;
    this.solves++;
    const outcome = milp.minimize(new Map([[i, side === 'down' ? 1 : -1]]), presolve);
    if (outcome.status === 'unbounded') return side === 'down' ? -INF : INF;
    if (outcome.status !== 'optimal') {
      // The second opinion failing says nothing against the first.
      if (presolve) return side === 'down' ? INF : -INF;
      this.undecided = outcome.status === 'undecided' ? outcome.detail : 'the part has no assignment';
      return null;
    }
    const claimed = side === 'down' ? Math.round(outcome.objective) : -Math.round(outcome.objective);
    const whole = milp.wholeSolution(outcome.values);
    if (!whole) return presolve ? (side === 'down' ? INF : -INF) : claimed;
    const x = Float64Array.from(part.base ?? this.box.low);
    for (const [c, j] of index) x[c] = whole[j]!;
    this.record(part, x);
    return whole[i]!;
  }

  /** Whether propagation alone rules out every assignment with the column at or beyond `value` on `side`. */
  private ruledOut(col: number, side: 'down' | 'up', value: number): boolean {
    const part = this.parts[this.partOf[col]!];
    if (!part) return side === 'down' ? this.box.low[col]! > value : this.box.high[col]! < value;
    const box = copyBox(this.box);
    if (side === 'down') box.high[col] = Math.min(box.high[col]!, value);
    else box.low[col] = Math.max(box.low[col]!, value);
    if (box.low[col]! > box.high[col]!) return true;
    const inPart = new Set(part.rows);
    return !propagate(box, this.knowledge.columns, this.knowledge.rows, this.byColumn, this.byColumn[col]!, (r) => inPart.has(r));
  }

  /**
   * One side of one protected range: 'covered' when an assignment reaches the range's end, 'avoids' when no
   * assignment even enters the range from that side, else the exact extreme decides (null: undecided).
   */
  decide(q: ProtectedQuantity, range: Interval, side: 'down' | 'up'): 'covered' | 'avoids' | 'narrowed' | null {
    const end = side === 'down' ? range.low : range.high;
    const far = side === 'down' ? range.high : range.low;
    if (this.reach(q.col, side, end)) return 'covered';
    if (this.ruledOut(q.col, side, far)) return 'avoids';
    const value = this.extreme(q.col, side);
    if (value === null) return null;
    if (side === 'down' ? value <= end : value >= end) return 'covered';
    if (side === 'down' ? value > far : value < far) return 'avoids';
    return 'narrowed';
  }

  /** What is known of a quantity's range: exact ends where computed, else the most extreme values seen. */
  range(q: ProtectedQuantity): Interval {
    return { low: this.exactLow.get(q.col) ?? this.seenLow[q.col]!, high: this.exactHigh.get(q.col) ?? this.seenHigh[q.col]! };
  }

  private fullSession(): MilpSession {
    this.full ??= new MilpSession(this.highs, this.knowledge.columns, this.knowledge.rows);
    return this.full;
  }

  /**
   * A minimal set of groups (relations, outputs) that still make `restrict` infeasible: each relevant group is
   * dropped in turn and left out when the problem stays infeasible without it.
   */
  explain(col: number | null, restrict: (session: MilpSession) => void): FindingReason[] {
    const k = this.knowledge;
    const session = this.fullSession();
    const relevant = this.relevantGroups(col);
    const disabledOutputs = new Set<number>();
    const disabledGroups = new Set<number>();
    const apply = (restricted: boolean) => {
      k.rows.forEach((_, r) => session.setRowEnabled(r, !disabledGroups.has(k.rowGroup[r]!)));
      const { low, high } = k.bounds(disabledOutputs);
      for (let i = 0; i < k.columns.length; i++) session.setColumnBounds(i, low[i]!, high[i]!);
      if (restricted) restrict(session);
    };
    const kept: number[] = [];
    try {
      for (const g of relevant) {
        const output = k.groups[g]!.id.startsWith('output:') ? Number(k.groups[g]!.id.slice(7)) : null;
        if (output !== null) disabledOutputs.add(output);
        else disabledGroups.add(g);
        apply(true);
        this.solves++;
        if (session.minimize(new Map()).status === 'infeasible') continue;
        if (output !== null) disabledOutputs.delete(output);
        else disabledGroups.delete(g);
        kept.push(g);
      }
    } finally {
      disabledOutputs.clear();
      disabledGroups.clear();
      apply(false);
    }
    return kept.map((g) => ({ id: k.groups[g]!.id, text: k.groups[g]!.text }));
  }

  /** Groups whose rows or facts can carry information to a column through values the print leaves open. */
  private relevantGroups(col: number | null): number[] {
    const k = this.knowledge;
    const { low, high } = k.bounds();
    const open = (c: number) => !(low[c] === high[c]);
    const seenRows = new Set<number>();
    const seenCols = new Set<number>();
    if (col === null) {
      k.rows.forEach((_, r) => seenRows.add(r));
      k.columns.forEach((_, c) => seenCols.add(c));
    } else {
      const stack = [col];
      seenCols.add(col);
      while (stack.length > 0) {
        const c = stack.pop()!;
        for (const r of this.byColumn[c]!) {
          if (seenRows.has(r)) continue;
          seenRows.add(r);
          for (const [other] of k.rows[r]!.entries) {
            if (seenCols.has(other)) continue;
            seenCols.add(other);
            if (open(other)) stack.push(other);
          }
        }
      }
    }
    const groups = new Set<number>();
    for (const r of seenRows) if (!k.groups[k.rowGroup[r]!]!.definition) groups.add(k.rowGroup[r]!);
    if (this.input.outputs.length > 1) {
      const outputs = new Set(k.facts.filter((f) => seenCols.has(f.col)).map((f) => f.output));
      k.groups.forEach((g, i) => {
        if (g.id.startsWith('output:') && outputs.has(Number(g.id.slice(7)))) groups.add(i);
      });
    }
    return [...groups].sort((a, b) => a - b);
  }

  dispose(): void {
    this.full?.dispose();
    for (const p of this.parts) p.session?.milp.dispose();
  }
}

const TABLE: Words = { sv: 'tabellen', en: 'the table' };

function finding(kind: AuditFinding['kind'], label: Words, message: Words, extra: Partial<AuditFinding> = {}): AuditFinding {
  return { kind, quantity: '', label, printed: null, inferred: null, protectedRange: null, reasons: [], message, ...extra };
}

export function runAudit(highs: Highs, input: AuditInput, options: AuditOptions = {}): AuditResult {
  const started = Date.now();
  const audit = new Audit(highs, input);
  const k = audit.knowledge;
  const findings: AuditFinding[] = [];
  const policyName = input.policy.name;
  const outputsOf = (indices: number[]) => indices.map((i) => outputWords(input.outputs[i]!.kind));
  const done = (bounds: QuantityBounds[]): AuditResult => ({
    ok: findings.length === 0,
    findings,
    bounds,
    stats: { variables: k.columns.length, rows: k.rows.length, solves: audit.solves, milliseconds: Date.now() - started },
  });

  try {
    for (const f of k.immediate) {
      if (f.kind === 'printed-small') {
        const range = { from: f.range!.low, to: f.range!.high };
        findings.push(
          finding('printed-small', f.label, printedSmallMessage(f.label, f.value!, range, policyName, outputsOf(f.outputs)), {
            quantity: f.quantity,
            printed: { low: f.value!, high: f.value! },
            inferred: { low: f.value!, high: f.value! },
            protectedRange: range,
            reasons: f.outputs.map((o) => ({ id: `output:${o}`, text: outputWords(input.outputs[o]!.kind) })),
          }),
        );
      } else if (f.kind === 'derived-from-hidden') findings.push(finding('derived-from-hidden', f.label, derivedMessage(f.label, f.from ?? []), { quantity: f.quantity }));
      else findings.push(finding('unreadable', f.label, unreadableMessage(f.label, f.text ?? '', outputsOf(f.outputs)[0]!), { quantity: f.quantity }));
    }

    if (audit.consistent) {
      for (const part of audit.parts) {
        if (audit.baseOf(part) === false) {
          audit.consistent = false;
          break;
        }
      }
    }
    if (!audit.consistent) {
      const reasons = audit.explain(null, () => undefined);
      findings.push(finding('contradiction', { sv: 'de tryckta siffrorna', en: 'the printed figures' }, contradictionMessage(reasons.map((r) => r.text)), { reasons }));
      return done([]);
    }

    const narrowed: { q: ProtectedQuantity; range: Interval }[] = [];
    for (const q of k.quantities) {
      for (const range of q.ranges) {
        const down = audit.decide(q, range, 'down');
        const up = down === 'avoids' || down === null ? down : audit.decide(q, range, 'up');
        if (down === null || up === null) break;
        if (down !== 'avoids' && up !== 'avoids' && !(down === 'covered' && up === 'covered')) {
          narrowed.push({ q, range });
          break;
        }
      }
      if (options.exactBounds) {
        audit.extreme(q.col, 'down');
        audit.extreme(q.col, 'up');
      }
      if (audit.undecided) break;
    }
    if (audit.undecided) {
      findings.push(finding('undecided', TABLE, undecidedMessage(TABLE, audit.undecided)));
      return done([]);
    }

    let explained = 0;
    for (const { q, range } of narrowed) {
      const low = audit.extreme(q.col, 'down');
      const high = audit.extreme(q.col, 'up');
      if (low === null || high === null) {
        findings.push(finding('undecided', q.label, undecidedMessage(q.label, audit.undecided ?? 'no assignment')));
        continue;
      }
      const reasons = new Map<string, FindingReason>();
      if (explained < (options.explainAtMost ?? 5)) {
        explained++;
        if (low > range.low) for (const r of audit.explain(q.col, (s) => s.setColumnBounds(q.col, s.columns[q.col]!.lower, low - 1))) reasons.set(r.id, r);
        if (high < range.high) for (const r of audit.explain(q.col, (s) => s.setColumnBounds(q.col, high + 1, s.columns[q.col]!.upper))) reasons.set(r.id, r);
      }
      const protectedRange = { from: range.low, to: range.high };
      findings.push(
        finding('narrowed', q.label, narrowedMessage(q.label, q.printedText ?? q.printed, { low, high }, protectedRange, policyName, [...reasons.values()].map((r) => r.text)), {
          quantity: q.id,
          printed: q.printed,
          inferred: { low, high },
          protectedRange,
          reasons: [...reasons.values()],
        }),
      );
    }
    return done(k.quantities.map((q) => ({ quantity: q.id, label: q.label, printed: q.printed, ...audit.range(q) })));
  } finally {
    audit.dispose();
  }
}
