/**
 * `antal values FILE [--measure NAME] [--dimension KEY] [--search TEXT] [--json] [--lang sv|en]`: the values a
 * criterion can select in a counts file — each code or extra column with its values and their counts in the
 * latest period, ATC and ICD-10 codes with their hierarchy and the names the file gives them — so a study file's
 * criteria can be written headless (`"kind": "hierarchy", "key": "lakemedel", "scheme": "atc", "codes": ["N06BA"]`).
 * Exit 0, 1 when the file has errors, 2 on a usage error.
 */
import { importFile } from '../../shared/import/import-file';
import { formatProblem, ImportRefusedError } from '../../shared/import/problems';
import { QueryError, selectMeasure } from '../../shared/import/query-dataset';
import { searchNodes, searchValues, valueCatalogue, type CatalogueDimension, type CatalogueNode } from '../../shared/answer/value-catalogue';
import { fill } from '../../shared/text/template';
import type { Language } from '../../shared/text/language';
import { formatters } from '../format';
import { phrasesFor, UsageError, type CommandIo } from '../inputs';
import { openImportCommand } from './inspect';

const VALUES_USAGE = 'usage: antal values FILE [--measure NAME] [--dimension KEY] [--search TEXT] [--json] [--lang sv|en] [--sheet NAME] [--encoding ENC] [--delimiter D]\n';

const VALUES_OPTIONS = {
  measure: { type: 'string' },
  dimension: { type: 'string' },
  search: { type: 'string' },
} as const;

const TEXT = {
  sv: {
    dimension: '{label} (nyckel {key}{scheme}): {count} värden, antal {periods}',
    scheme_atc: ', ATC',
    scheme_icd10: ', ICD-10',
    periods: 'under {periods}',
    noPeriod: 'i hela filen',
    overlapping: '  Värdena överlappar (en person kan finnas under flera): en nivås antal är en summa, inte personer.',
    none: 'Filen har inga kolumner med koder eller andra värden att välja (bara region, kön, ålder och period).',
    noDimension: 'Filen har ingen kolumn "{key}" med värden att välja (den har: {keys}).',
    noMatch: '  Inget värde matchar "{search}".',
  },
  en: {
    dimension: '{label} (key {key}{scheme}): {count} values, counts {periods}',
    scheme_atc: ', ATC',
    scheme_icd10: ', ICD-10',
    periods: 'in {periods}',
    noPeriod: 'over the whole file',
    overlapping: '  The values overlap (one person can be under several): a level’s count is a sum, not persons.',
    none: 'The file has no columns of codes or other values to select (only region, sex, age and period).',
    noDimension: 'The file has no column "{key}" with values to select (it has: {keys}).',
    noMatch: '  No value matches "{search}".',
  },
};

const say = (language: Language, key: keyof (typeof TEXT)['sv'], values: Record<string, string | number> = {}): string =>
  fill(TEXT[language][key], Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));

function describeDimension(dimension: CatalogueDimension, search: string | undefined, language: Language): string[] {
  const f = formatters(language);
  const count = (n: { low: number; point: number; high: number }): string => (n.low === n.high ? f.count(n.point) : `${f.count(n.point)} (${f.count(n.low)}–${f.count(n.high)})`);
  const lines = [
    say(language, 'dimension', {
      label: dimension.label,
      key: dimension.key,
      scheme: dimension.scheme ? say(language, `scheme_${dimension.scheme}`) : '',
      count: dimension.values.length,
      periods: dimension.periods.length > 0 ? say(language, 'periods', { periods: dimension.periods.join(', ') }) : say(language, 'noPeriod'),
    }),
  ];
  if (dimension.overlapping && dimension.tree) lines.push(say(language, 'overlapping'));
  if (dimension.tree && !search) {
    const visit = (node: CatalogueNode, depth: number): void => {
      lines.push(`${'  '.repeat(depth + 1)}${node.code}${node.name ? ` ${node.name}` : ''}  ${count(node.count)}`);
      node.children.forEach((child) => visit(child, depth + 1));
    };
    dimension.tree.forEach((node) => visit(node, 0));
    // Values without a code (a "Missing" row, say) are listed after the hierarchy.
    for (const v of dimension.values.filter((x) => x.code === undefined)) lines.push(`  ${v.value}  ${count(v.count)}`);
    return lines;
  }
  if (dimension.tree && search) {
    const nodes = searchNodes(dimension, search);
    for (const node of nodes) lines.push(`  ${node.code}${node.name ? ` ${node.name}` : ''}  ${count(node.count)}`);
    if (nodes.length === 0) lines.push(say(language, 'noMatch', { search }));
    return lines;
  }
  const found = search ? searchValues(dimension, search) : dimension.values;
  for (const v of found) lines.push(`  ${v.value}  ${count(v.count)}`);
  if (found.length === 0) lines.push(say(language, 'noMatch', { search: search ?? '' }));
  return lines;
}

export async function runValues(argv: string[], io: CommandIo): Promise<number> {
  const opened = openImportCommand(argv, VALUES_OPTIONS, VALUES_USAGE, io);
  if (typeof opened === 'number') return opened;
  const { values, path, bytes, options, language } = opened;
  try {
    const imported = await importFile({ name: path, bytes }, undefined, { publisher: path }, options);
    const measure = selectMeasure(imported, values.measure);
    let catalogue = valueCatalogue([measure.dataset]);
    if (values.dimension !== undefined) {
      const wanted = catalogue.filter((d) => d.key === values.dimension);
      if (wanted.length === 0) throw new UsageError(say(language, 'noDimension', { key: values.dimension, keys: catalogue.map((d) => d.key).join(', ') || '–' }));
      catalogue = wanted;
    }
    if (values.json) {
      const json = catalogue.map((d) => (values.search ? { ...d, values: searchValues(d, values.search), tree: d.tree ? searchNodes(d, values.search).map(({ children: _c, ...node }) => node) : null } : d));
      io.stdout(`${JSON.stringify({ file: path, measure: measure.name, dimensions: json }, null, 2)}\n`);
      return 0;
    }
    if (catalogue.length === 0) {
      io.stdout(`${say(language, 'none')}\n`);
      return 0;
    }
    io.stdout(`${catalogue.flatMap((d) => [...describeDimension(d, values.search, language), '']).join('\n')}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n${VALUES_USAGE}`);
      return 2;
    }
    if (error instanceof ImportRefusedError) {
      for (const e of error.errors.slice(0, 50)) io.stderr(`${formatProblem(e, phrasesFor(language))}\n`);
      return 1;
    }
    if (error instanceof QueryError) {
      io.stderr(`${path}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
