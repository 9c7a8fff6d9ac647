/**
 * The options the value picker lists for one dimension of the linked data: the code hierarchy (ATC levels,
 * ICD-10 categories) flattened parents first with their depth, or the plain values, narrowed by a search on code
 * or name; and the criterion and readable label that picking one gives. Pure, so the keyboard list stays simple.
 */
import { answerText } from '../../../shared/answer/texts';
import { predicateFor, searchNodes, searchValues, type CatalogueDimension, type CatalogueNode } from '../../../shared/answer/value-catalogue';
import type { Predicate } from '../../../shared/criteria/study';
import type { Interval } from '../../../shared/utils/interval';
import type { Language } from '../../../shared/text/language';

export interface ValueOption {
  /** Stable within the dimension: the node's code or the value. */
  id: string;
  /** What the option shows first: a code ("N06BA04") or the value as the data writes it. */
  code: string;
  /** The data's name for it ("Metylfenidat"), when it has one. */
  name: string | null;
  /** 1 for a root of the hierarchy (and every plain value), 2 for its children, … */
  level: number;
  /** The data's values it selects (a hierarchy node selects every value below it). */
  values: string[];
  count: Interval;
  /** True when the option is a node above other values (selecting it selects all of them). */
  group: boolean;
  selection: { node: string } | { values: string[] };
  /** False for a line kept only because a match lies below it (a search shows matches in their place). */
  match: boolean;
}

function flatten(nodes: readonly CatalogueNode[], level: number, out: ValueOption[]): void {
  for (const n of nodes) {
    out.push({ id: n.code, code: n.code, name: n.name ?? null, level, values: n.values, count: n.count, group: n.children.length > 0, selection: { node: n.code }, match: true });
    flatten(n.children, level + 1, out);
  }
}

/**
 * The dimension's options matching `query` (a code prefix or part of a name; case and diacritics ignored).
 * With a hierarchy, every node is listed parents first; a search keeps the matching nodes and the nodes above
 * them, so a match is always seen in its place (N → N06 → N06B → N06BA → N06BA04).
 */
export function valueOptions(dimension: CatalogueDimension, query: string): ValueOption[] {
  if (dimension.tree) {
    const all: ValueOption[] = [];
    flatten(dimension.tree, 1, all);
    if (query.trim() === '') return all;
    const matched = new Set(searchNodes(dimension, query).map((n) => n.code));
    // Keep a node when it matches or lies above a match (its code is a prefix of, or contains, the match's values).
    const keep = new Set<string>();
    const visit = (nodes: readonly CatalogueNode[], path: string[]): void => {
      for (const n of nodes) {
        if (matched.has(n.code)) [...path, n.code].forEach((c) => keep.add(c));
        visit(n.children, [...path, n.code]);
      }
    };
    visit(dimension.tree, []);
    return all.filter((o) => keep.has(o.id)).map((o) => ({ ...o, match: matched.has(o.id) }));
  }
  return searchValues(dimension, query).map((v) => ({
    id: v.value,
    code: v.code ?? v.value,
    name: v.name ?? null,
    level: 1,
    values: [v.value],
    count: v.count,
    group: false,
    selection: { values: [v.value] },
    match: true,
  }));
}

/** The criterion a picked option gives (the core's: a hierarchy node, ICD-10 codes or plain values). */
export function optionPredicate(dimension: CatalogueDimension, option: ValueOption): Predicate {
  return predicateFor(dimension, option.selection);
}

/** The readable label of a picked option: "Läkemedel: N06BA04 Metylfenidat", "Läkemedel: N06BA (4 värden)". */
export function optionLabel(dimension: CatalogueDimension, option: ValueOption, language: Language): string {
  const text = option.name ? `${option.code} ${option.name}` : option.code;
  return answerText(language, 'label_values', { dimension: dimension.label, values: text });
}

/**
 * Which option a criterion selects in the dimension, if it selects exactly one (a node or a single value):
 * the picker marks it as chosen.
 */
export function selectedOptionId(dimension: CatalogueDimension, predicate: Predicate): string | null {
  if (predicate.kind === 'hierarchy' && predicate.key === dimension.key && predicate.codes.length === 1) return predicate.codes[0]!;
  if (predicate.kind === 'codes' && dimension.role === 'code' && predicate.codes.length === 1) return predicate.codes[0]!;
  if (predicate.kind === 'extra' && predicate.key === dimension.key && predicate.values.length === 1) return predicate.values[0]!;
  return null;
}

/** The dimension a value criterion is on (its key; ICD-10 code criteria are on the data's diagnosis column). */
export function predicateDimensionKey(predicate: Predicate, dimensions: readonly CatalogueDimension[]): string | null {
  if (predicate.kind === 'hierarchy' || predicate.kind === 'extra') return predicate.key;
  if (predicate.kind === 'codes') return dimensions.find((d) => d.role === 'code')?.key ?? null;
  return null;
}

/** The option a search makes active: the first that matches (not a line above it). */
export function firstMatch(options: readonly ValueOption[]): number {
  const i = options.findIndex((o) => o.match);
  return i >= 0 ? i : options.length > 0 ? 0 : -1;
}

/** The next active option after a key press in the list (wrapping is not done: the ends stop, as in a listbox). */
export function moveActive(count: number, active: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, active + 10);
    case 'PageUp':
      return Math.max(0, active - 10);
    default:
      return active;
  }
}

/** A line of the picker's tree as it is shown: an option with its place among its siblings and whether it is open. */
export interface TreeRow extends ValueOption {
  /** The id of the line above it in the hierarchy (null for a root). */
  parentId: string | null;
  /** True when it has values below it that can be shown. */
  expandable: boolean;
  expanded: boolean;
  /** Its position among the shown lines with the same parent (1-based) and their number (aria-posinset/-setsize). */
  posInSet: number;
  setSize: number;
}

/** Up to this many nodes, the whole hierarchy starts open (a drug file's handful of ATC levels); more start closed. */
export const OPEN_TREE_NODES = 60;

/**
 * The tree's shown lines for `query` and the user's openings and closings (`toggled`: id → open). Without a search,
 * a small hierarchy starts open and a large one (every ICD-10 code of a register) shows its chapters; with a
 * search, the matches are shown in their place with every line above them open, and a matching group opened by the
 * user shows all its values. A dimension without a hierarchy gives its values as one level.
 */
export function treeRows(dimension: CatalogueDimension, query: string, toggled: ReadonlyMap<string, boolean>): TreeRow[] {
  if (!dimension.tree) {
    const flat = valueOptions(dimension, query);
    return flat.map((o, i) => ({ ...o, parentId: null, expandable: false, expanded: false, posInSet: i + 1, setSize: flat.length }));
  }
  const searching = query.trim() !== '';
  const matched = new Set(searching ? searchNodes(dimension, query).map((n) => n.code) : []);
  // Lines above a match (they are opened so the match is seen in its place).
  const aboveMatch = new Set<string>();
  let nodes = 0;
  const mark = (list: readonly CatalogueNode[], path: string[]): void => {
    for (const n of list) {
      nodes++;
      if (matched.has(n.code)) path.forEach((c) => aboveMatch.add(c));
      mark(n.children, [...path, n.code]);
    }
  };
  mark(dimension.tree, []);
  const openByDefault = (n: CatalogueNode): boolean => (searching ? aboveMatch.has(n.code) : nodes <= OPEN_TREE_NODES);
  const rows: TreeRow[] = [];
  const walk = (list: readonly CatalogueNode[], level: number, parent: CatalogueNode | null): void => {
    // Under a line the user opened, everything; otherwise, while searching, only matches and the lines above them.
    const openedByUser = parent !== null && toggled.get(parent.code) === true;
    const shown = list.filter((n) => !searching || openedByUser || matched.has(n.code) || aboveMatch.has(n.code));
    shown.forEach((n, i) => {
      const expandable = n.children.length > 0;
      const expanded = expandable && (toggled.get(n.code) ?? openByDefault(n));
      rows.push({
        id: n.code,
        code: n.code,
        name: n.name ?? null,
        level,
        values: n.values,
        count: n.count,
        group: expandable,
        selection: { node: n.code },
        match: !searching || matched.has(n.code),
        parentId: parent?.code ?? null,
        expandable,
        expanded,
        posInSet: i + 1,
        setSize: shown.length,
      });
      if (expanded) walk(n.children, level + 1, n);
    });
  };
  walk(dimension.tree, 1, null);
  return rows;
}

/**
 * What a key does in the tree (the WAI-ARIA tree pattern): arrows up and down move, right opens a closed group or
 * moves into an open one, left closes an open group or moves to the line above, Home and End go to the ends.
 */
export function treeKey(rows: readonly TreeRow[], active: number, key: string): { active: number; toggle?: { id: string; open: boolean } } {
  const row = rows[active];
  if (!row) return { active: rows.length > 0 ? 0 : -1 };
  switch (key) {
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { active, toggle: { id: row.id, open: true } };
      if (row.expandable && rows[active + 1]?.parentId === row.id) return { active: active + 1 };
      return { active };
    case 'ArrowLeft': {
      if (row.expandable && row.expanded) return { active, toggle: { id: row.id, open: false } };
      const parent = rows.findIndex((r) => r.id === row.parentId);
      return { active: parent >= 0 ? parent : active };
    }
    default:
      return { active: moveActive(rows.length, active, key) };
  }
}
