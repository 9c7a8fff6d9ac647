/**
 * A linear program over the reader's unknowns, solved by HiGHS (the open-source MILP solver of the University of
 * Edinburgh, compiled to WebAssembly by the `highs` package). One persistent HiGHS model per audit: objectives,
 * variable bounds and rows are switched between solves instead of rebuilding the model.
 *
 * Exactness: every objective the auditor sets is integral at every integer point, so an absolute gap below one
 * proves optimality; the relative gap (1e-4 by default, which could stop a thousand short) is set to zero.
 *
 * Presolve is off by default: HiGHS's MIP presolve has been seen to cut off feasible whole-number points of these
 * small tables and report a wrong optimum as optimal (a minimum of 7 where an assignment checked against every row
 * reaches 0). The tables are a few hundred values, so presolve saves nothing; a caller may still ask for it as a
 * second, differently computed opinion.
 */
import type { Highs, Model } from 'highs';

export interface LpColumn {
  lower: number;
  upper: number;
  integer: boolean;
}

export interface LpRow {
  entries: [number, number][];
  lower: number;
  upper: number;
}

export type SolveOutcome = { status: 'optimal'; objective: number; values: Float64Array } | { status: 'infeasible' } | { status: 'unbounded' } | { status: 'undecided'; detail: string };

const OPTIONS = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 0.5,
  // A table of this app's size solves in milliseconds; far longer means something is wrong — report, never guess.
  time_limit: 20,
  presolve: 'off',
};

/** HiGHS model status codes (see the highs package's ModelStatusCode). */
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;

export class MilpSession {
  private readonly model: Model & { dispose(): void };
  private readonly costs: Float64Array;
  readonly columns: LpColumn[];
  readonly rows: LpRow[];
  private readonly rowDisabled: boolean[];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    columns: LpColumn[],
    rows: LpRow[],
  ) {
    this.columns = columns.map((c) => ({ ...c }));
    this.rows = rows;
    this.rowDisabled = rows.map(() => false);
    const inf = highs.infinity;
    const bound = (x: number) => (x === Number.POSITIVE_INFINITY ? inf : x === Number.NEGATIVE_INFINITY ? -inf : x);
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const row of rows) {
      for (const [col, coef] of row.entries) {
        indices.push(col);
        values.push(coef);
      }
      starts.push(indices.length);
    }
    this.costs = new Float64Array(columns.length);
    this.model = highs.createModel({
      numCols: columns.length,
      numRows: rows.length,
      colCost: this.costs,
      colLower: columns.map((c) => bound(c.lower)),
      colUpper: columns.map((c) => bound(c.upper)),
      rowLower: rows.map((r) => bound(r.lower)),
      rowUpper: rows.map((r) => bound(r.upper)),
      matrix: { format: 'csr', numRows: rows.length, numCols: columns.length, starts, indices, values },
      integrality: columns.map((c) => (c.integer ? 1 : 0) as 0 | 1),
    });
    this.model.options.set(OPTIONS);
  }

  private bound(x: number): number {
    return x === Number.POSITIVE_INFINITY ? this.highs.infinity : x === Number.NEGATIVE_INFINITY ? -this.highs.infinity : x;
  }

  setColumnBounds(col: number, lower: number, upper: number): void {
    this.columns[col]!.lower = lower;
    this.columns[col]!.upper = upper;
    this.model.changeColBounds(col, this.bound(lower), this.bound(upper));
  }

  setRowEnabled(row: number, enabled: boolean): void {
    if (this.rowDisabled[row] === !enabled) return;
    this.rowDisabled[row] = !enabled;
    const r = this.rows[row]!;
    this.model.changeRowBounds(row, this.bound(enabled ? r.lower : Number.NEGATIVE_INFINITY), this.bound(enabled ? r.upper : Number.POSITIVE_INFINITY));
  }

  /** Minimises Σ cost·x over the current model (costs not named are zero); `presolve` only for a second opinion. */
  minimize(objective: ReadonlyMap<number, number>, presolve = false): SolveOutcome {
    const all = { kind: 'range', from: 0, to: this.costs.length - 1 } as const;
    this.costs.fill(0);
    for (const [col, cost] of objective) this.costs[col] = cost;
    if (presolve) this.model.options.set({ presolve: 'on' });
    try {
      if (this.costs.length > 0) this.model.changeColsCost(all, this.costs);
      this.solves++;
      const { modelStatus } = this.model.run();
      if (modelStatus === OPTIMAL) {
        const values = Float64Array.from(this.model.getSolution().colValue);
        return { status: 'optimal', objective: this.model.getObjectiveValue(), values };
      }
      if (modelStatus === INFEASIBLE) return { status: 'infeasible' };
      if (modelStatus === UNBOUNDED || modelStatus === UNBOUNDED_OR_INFEASIBLE) return { status: 'unbounded' };
      return { status: 'undecided', detail: `HiGHS model status ${modelStatus}` };
    } finally {
      if (presolve) this.model.options.set({ presolve: 'off' });
      this.costs.fill(0);
      if (this.costs.length > 0 && objective.size > 0) this.model.changeColsCost(all, this.costs);
    }
  }

  /** A solution's values, if it satisfies every enabled row and bound exactly once rounded to whole numbers. */
  wholeSolution(values: Float64Array): Float64Array | null {
    const x = Float64Array.from(values, (v, i) => (this.columns[i]!.integer ? Math.round(v) : v));
    for (let i = 0; i < x.length; i++) {
      const c = this.columns[i]!;
      if (x[i]! < c.lower - 1e-6 || x[i]! > c.upper + 1e-6) return null;
    }
    for (let r = 0; r < this.rows.length; r++) {
      if (this.rowDisabled[r]) continue;
      const row = this.rows[r]!;
      let sum = 0;
      for (const [col, coef] of row.entries) sum += coef * x[col]!;
      if (sum < row.lower - 1e-6 || sum > row.upper + 1e-6) return null;
    }
    return x;
  }

  dispose(): void {
    this.model.dispose();
  }
}
