/**
 * The dimension labels of every row, dictionary-encoded as they are read. A label is looked up by its raw
 * text first: each distinct text is trimmed, normalised and given its index once, so a million rows of
 * twenty regions cost a million Map lookups, not a million parses; and since labels repeat down a column far
 * more often than not, the previous row's text is compared before even that.
 *
 * A blank label takes the label above it (files show a code or a region only on the first of its rows), and
 * a label that does not read is an error naming its line and column; either way the problem goes to the log.
 */
import type { ImportProblem } from './problems';
import type { ProblemLog } from './problem-log';
import { cellPlace, filledDownProblem, missingDimensionProblem, normaliseLabel, unknownDimensionProblem, type DimColumn } from './row-rules';
import { detach } from './detach';
import { ByteLabelMap, type CellDecoder } from './byte-rows';

const EMPTY = -2;
const INVALID = -1;

interface Label {
  /** Index into the dimension's values, or INVALID / EMPTY. */
  index: number;
  trimmed: string;
}

export class DimensionLabels {
  /** Per dimension, its normalised values in order of first appearance. */
  readonly values: string[][];
  private readonly labels: Map<string, Label>[];
  /** The same labels by the bytes of their cell (the fast path over a file's bytes). */
  private readonly byBytes: ByteLabelMap<Label>[];
  private readonly valueIndex: Map<string, number>[];
  private readonly last: (Label | null)[];
  private readonly previousRaw: (string | null)[];
  private readonly previousLabel: (Label | null)[];
  private readonly filled: number[];
  private readonly firstFilledLine: number[];

  constructor(private readonly dims: readonly DimColumn[], private readonly file: string, private readonly headers: readonly string[], private readonly log: ProblemLog) {
    this.values = dims.map(() => []);
    this.labels = dims.map(() => new Map());
    this.byBytes = dims.map(() => new ByteLabelMap<Label>());
    this.valueIndex = dims.map(() => new Map());
    this.last = dims.map(() => null);
    this.previousRaw = dims.map(() => null);
    this.previousLabel = dims.map(() => null);
    this.filled = dims.map(() => 0);
    this.firstFilledLine = dims.map(() => -1);
  }

  /** The value index of dimension `i`'s cell `raw` on `line`, or -1 when the row cannot be stored (the problem is logged). */
  index(i: number, raw: string, line: number): number {
    const label = raw === this.previousRaw[i] ? this.previousLabel[i]! : this.lookUp(i, raw);
    if (label.index >= 0) {
      this.last[i] = label;
      return label.index;
    }
    return this.unusualLabel(i, label, line);
  }

  /**
   * {@link index} of the cell that is bytes [start, end) of `bytes`: the same label for the same text, decoded
   * only when these bytes were not met before.
   */
  indexBytes(i: number, bytes: Uint8Array, start: number, end: number, line: number, decode: CellDecoder): number {
    const known = this.byBytes[i]!;
    let label = known.get(bytes, start, end);
    if (label === undefined) {
      const raw = decode(bytes, start, end);
      label = this.labels[i]!.get(raw) ?? this.readLabel(i, raw);
      known.set(bytes, start, end, label);
    }
    if (label.index >= 0) {
      this.last[i] = label;
      return label.index;
    }
    return this.unusualLabel(i, label, line);
  }

  private lookUp(i: number, raw: string): Label {
    const label = this.labels[i]!.get(raw) ?? this.readLabel(i, raw);
    this.previousRaw[i] = detach(raw);
    this.previousLabel[i] = label;
    return label;
  }

  /** One warning per dimension whose blank cells took the label above them. */
  filledDownProblems(): ImportProblem[] {
    const out: ImportProblem[] = [];
    this.dims.forEach((d, i) => {
      if (this.filled[i]! > 0) out.push(filledDownProblem(cellPlace(this.file, this.headers, d.column, this.firstFilledLine[i]!), d, this.filled[i]!));
    });
    return out;
  }

  /**
   * A blank label (filled down from the row above, or an error on the first row) or one that does not read
   * (an error): the index to store, or -1 when the row cannot be stored.
   */
  private unusualLabel(i: number, label: Label, line: number): number {
    const d = this.dims[i]!;
    if (label.index === EMPTY) {
      const previous = this.last[i];
      if (previous === null) {
        if (this.log.room) this.log.kept.push(missingDimensionProblem(cellPlace(this.file, this.headers, d.column, line), d));
        return -1;
      }
      // A label shown only on the first of several rows ("C18" then blanks) applies to the rows below it.
      label = previous!;
      this.filled[i]!++;
      if (this.firstFilledLine[i] === -1) this.firstFilledLine[i] = line;
    }
    this.last[i] = label;
    if (label.index === INVALID) {
      if (this.log.room) this.log.kept.push(unknownDimensionProblem(cellPlace(this.file, this.headers, d.column, line), d, label.trimmed));
      return -1;
    }
    return label.index;
  }

  private readLabel(i: number, cell: string): Label {
    const raw = detach(cell);
    const trimmed = detach(raw.trim());
    let label: Label;
    if (trimmed === '') {
      label = { index: EMPTY, trimmed };
    } else {
      const value = normaliseLabel(this.dims[i]!, trimmed);
      if (value === null) {
        label = { index: INVALID, trimmed };
      } else {
        const index = this.valueIndex[i]!;
        let at = index.get(value);
        if (at === undefined) {
          at = this.values[i]!.length;
          this.values[i]!.push(value);
          index.set(value, at);
        }
        label = { index: at, trimmed };
      }
    }
    this.labels[i]!.set(raw, label);
    return label;
  }
}
