/**
 * The PDF engine shares pdfmake's parsed fonts, shaped words and compressed streams between documents, and compresses
 * its streams with its own deflate. The PDF must be exactly that of pdfmake left alone (a second copy of pdfmake,
 * loaded untouched, renders the same document definitions) but for the compressed bytes of its streams: the same
 * objects in the same order with the same dictionaries, each stream inflating (with Node's zlib, not the engine's
 * deflate) to the same bytes, the same trailer, and an index (xref) whose every offset is its object's. So the page
 * is drawn from the same operators, fonts and text layer, whatever documents came before; the same document gives
 * the same bytes again; a failed engine load is tried again; and a character the font cannot draw refuses the
 * letter, naming it, instead of vanishing from the PDF.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSnapshot, type AnswerSnapshot } from '../../../shared/answer/snapshot';
import { LetterGlyphError, missingGlyphText, prepareLetter, renderLetterPdf } from '../../../shared/letter';
import { createPdfEngine, renderPdfBytes } from '../../../shared/letter/pdf-engine.mjs';
import type { PdfDocDefinition } from '../../../shared/letter/document';
import { recruitmentChartSvg } from '../../../shared/letter/charts';
import { regionMapSvg, type MapRegionValue } from '../../../shared/letter/map';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { COUNTY_CODES } from '../../../shared/regions/regions';
import { mulberry32 } from '../../../shared/utils/prng';
import { studyAfterEdits } from '../../bench/bench-letter';
import { demoSnapshot, pdfText } from './helpers';

const SLOW = 120_000;
const require = createRequire(import.meta.url);

interface PdfMakeLike {
  addVirtualFileSystem(vfs: unknown): void;
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(policy: () => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Uint8Array> };
}

/** A second, untouched pdfmake: its own copy of the build, evaluated apart from the one the engine prepared. */
function untouchedPdfmake(): PdfMakeLike {
  const source = readFileSync(require.resolve('pdfmake/build/pdfmake.js'), 'utf8');
  const module = { exports: {} as unknown };
  const factory = runInThisContext(`(function (module, exports, require) {${source}\n})`) as (m: typeof module, e: unknown, r: NodeJS.Require) => void;
  factory(module, module.exports, require);
  const pdfMake = module.exports as PdfMakeLike;
  pdfMake.addVirtualFileSystem(require('pdfmake/build/vfs_fonts.js'));
  pdfMake.setFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } });
  pdfMake.setUrlAccessPolicy(() => false);
  return pdfMake;
}

function withUnit(snapshot: AnswerSnapshot, unit: Partial<AnswerSnapshot['unit']>): AnswerSnapshot {
  const { contentHash: _hash, ...content } = snapshot;
  return createSnapshot({ ...content, datasets: content.datasets, hallandRule: content.settings.hallandRule, disclosurePolicy: content.settings.disclosurePolicy, unit: { ...content.unit, ...unit } });
}

interface PdfObject {
  id: number;
  /** The object's dictionary (or value) as written, without its stream's /Length (the compressed length). */
  dictionary: string;
  /** The stream inflated by Node's zlib when the dictionary names FlateDecode; null for an object without a stream. */
  stream: Buffer | null;
}

/**
 * A PDF as pdfkit writes it, read back object by object ("N 0 obj", the dictionary, "stream" with exactly /Length
 * bytes, "endobj"), and its trailer; and the check that every xref offset points at its own object.
 */
function readPdf(pdf: Buffer): { objects: PdfObject[]; trailer: string; xrefPointsAtObjects: boolean } {
  const text = pdf.toString('latin1');
  const objects: PdfObject[] = [];
  const offsets = new Map<number, number>();
  const header = /(\d+) 0 obj\n/y;
  let at = text.indexOf('\n', text.indexOf('%PDF-')) + 1;
  for (;;) {
    while (text[at] === '%' || text[at] === '\n') at = text.indexOf('\n', at) + 1; // comments (the binary marker)
    header.lastIndex = at;
    const match = header.exec(text);
    if (!match) break;
    const id = Number(match[1]);
    offsets.set(id, at);
    const start = header.lastIndex;
    const streamAt = text.indexOf('\nstream\n', start);
    const endAt = text.indexOf('\nendobj\n', start);
    const hasStream = streamAt !== -1 && streamAt < endAt;
    const raw = text.slice(start, hasStream ? streamAt : endAt);
    let stream: Buffer | null = null;
    if (hasStream) {
      const length = Number(/\/Length (\d+)/.exec(raw)?.[1]);
      const bytes = pdf.subarray(streamAt + 8, streamAt + 8 + length);
      expect(text.slice(streamAt + 8 + length, streamAt + 8 + length + 18)).toBe('\nendstream\nendobj\n');
      stream = /\/Filter \/FlateDecode/.test(raw) ? inflateSync(bytes) : Buffer.from(bytes);
      at = streamAt + 8 + length + 18;
    } else at = endAt + 8;
    objects.push({ id, dictionary: raw.replace(/\/Length \d+/, '/Length _'), stream });
  }
  const xrefAt = text.lastIndexOf('\nxref\n');
  expect(xrefAt, 'the PDF has an xref table').toBeGreaterThan(0);
  const entries = text.slice(xrefAt + 6, text.indexOf('trailer', xrefAt)).split('\n').filter((line) => /^\d{10} \d{5} n/.test(line));
  const xrefPointsAtObjects = entries.length === objects.length && entries.every((line, i) => offsets.get(i + 1) === Number(line.slice(0, 10)));
  return { objects, trailer: text.slice(text.indexOf('trailer', xrefAt), text.lastIndexOf('startxref')), xrefPointsAtObjects };
}

/** pdfmake writes into a document definition while laying it out: every render gets its own. */
async function documentOf(snapshot: AnswerSnapshot): Promise<PdfDocDefinition> {
  return (await prepareLetter(snapshot)).document;
}

/** Text in every face, a ligature, characters drawn from composite glyphs, SVG text: what sharing could get wrong. */
function mixedDocument(): PdfDocDefinition {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="4" y="20" font-size="11">Patienter 1 234 – åäö</text>' +
    '<text x="4" y="44" font-size="11" font-weight="bold">Mål Ölands fiskeflotta</text></svg>';
  return {
    // A fixed date: without one the PDF would carry the clock's.
    info: { creationDate: new Date('2026-03-14T09:30:00Z') },
    content: [
      { text: 'Öberg, Łódź, Åre – efficient fjäll “citat” ≤ 5 ± 2 µ Ω', fontSize: 11 },
      { text: 'Fet: Ärende fi fl ffi', bold: true },
      { text: 'Kursiv: Émilie Müller ½', italics: true },
      { text: 'Fet kursiv: Gävleborg Västernorrland', bold: true, italics: true },
      { svg, width: 200 },
      { table: { body: [['Region', { text: 'Antal', alignment: 'right' }], ['Skåne', { text: '1 181', alignment: 'right' }]] } },
      // Styles the engine looks up its own way: a node's styles in both orders (the later one wins), inheritance,
      // a loop of inheritance, a style under an inline override, and words split at tabs and runs of spaces.
      { text: 'Stilar a och b', style: ['small', 'large'] },
      { text: 'Stilar b och a', style: ['large', 'small'] },
      { text: 'Ärvd stil', style: 'inherits' },
      { text: 'Stil i en slinga', style: 'loopA' },
      { text: ['Före ', { text: 'inne i', style: 'large', fontSize: 8 }, ' mitt ', { text: 'i två stilar', style: ['large', 'small'] }, ' efter'], style: 'small' },
      { text: 'Kolumn\tefter tabb\t\toch  två  mellanrum ', style: ['inherits', 'small'] },
    ],
    styles: {
      small: { fontSize: 8, bold: true, color: '#555555' },
      large: { fontSize: 15, italics: true },
      base: { color: '#8a1c1c', characterSpacing: 0.5, bold: true, fontSize: 10, italics: false },
      inherits: { extends: ['large', 'base'] },
      loopA: { extends: 'loopB' },
      loopB: { extends: 'loopA', italics: true },
    },
    defaultStyle: { lineHeight: 1.1 },
  } as unknown as PdfDocDefinition;
}

/** The same PDF object by object (streams inflated), the same trailer, and the same text for a PDF reader. */
function expectSamePdf(ours: Buffer, theirs: Buffer, which: string, minimumObjects = 10): void {
  const read = readPdf(ours);
  const expected = readPdf(theirs);
  expect(read.xrefPointsAtObjects, which).toBe(true);
  expect(expected.xrefPointsAtObjects, which).toBe(true);
  expect(read.objects.length, which).toBe(expected.objects.length);
  expect(read.objects.length, which).toBeGreaterThan(minimumObjects);
  read.objects.forEach((object, i) => {
    const theirObject = expected.objects[i]!;
    expect(object.id, which).toBe(theirObject.id);
    expect(object.dictionary, `${which}, object ${object.id}`).toBe(theirObject.dictionary);
    expect(object.stream === null, `${which}, object ${object.id}`).toBe(theirObject.stream === null);
    if (object.stream && theirObject.stream) expect(object.stream.equals(theirObject.stream), `${which}, stream of object ${object.id}`).toBe(true);
  });
  expect(read.trailer, which).toBe(expected.trailer);
  // And a PDF reader reads the same text from both.
  expect(pdfText(ours), which).toBe(pdfText(theirs));
}

/** pdfmake writeDimensions' and measureSVG's owner: the SVG measurer a layout is given. */
interface SvgMeasurer {
  measureSVG(svg: string): { width?: number; height?: number };
  writeDimensions(svg: string, dimensions: { width: number; height: number }): string;
}

/** The SVG measurer of the next document laid out while `run` runs (seen being assigned to a layout's `svgMeasure`). */
async function catchSvgMeasurer(run: () => Promise<unknown>): Promise<SvgMeasurer> {
  let caught: SvgMeasurer | undefined;
  Object.defineProperty(Object.prototype, 'svgMeasure', {
    configurable: true,
    set(this: object, value: SvgMeasurer) {
      caught ??= value;
      Object.defineProperty(this, 'svgMeasure', { value, writable: true, enumerable: true, configurable: true });
    },
  });
  try {
    await run();
  } finally {
    delete (Object.prototype as Record<string, unknown>).svgMeasure;
  }
  if (!caught) throw new Error('no SVG measurer seen');
  return caught;
}

/** Map shadings from a seeded generator: every county's figure, some not printed as a number (grey). */
function mapShadings(count: number): string[] {
  const random = mulberry32(20260314);
  return Array.from({ length: count }, (_, k) => {
    const values: MapRegionValue[] = COUNTY_CODES.map((region) => ({ region, value: random() < 0.15 * (k % 3) ? null : Math.floor(random() * 400) }));
    return regionMapSvg(k === 0 ? [] : values);
  });
}

describe('the PDF engine', () => {
  it(
    'gives the PDF of an untouched pdfmake for every document, stream for stream inflated, whatever came before it',
    async () => {
      const reference = untouchedPdfmake();
      const sv = demoSnapshot('sv');
      const en = demoSnapshot('en');
      const polish = withUnit(sv, { unitName: 'Jednostka badań klinicznych Łódź', signatoryName: 'Żaneta Wójcik' });
      // Order matters: the Swedish letter comes again after others filled the shared caches.
      // Three short texts whose font subsets hold as many glyphs, different ones or the same ones in another order:
      // a subset's bytes may be reused only for the same glyphs in the same order.
      const short = (text: string) => async () => ({ info: { creationDate: new Date('2026-03-14T09:30:00Z') }, content: [{ text }] }) as unknown as PdfDocDefinition;
      const sequence: Array<() => Promise<PdfDocDefinition>> = [
        () => documentOf(sv),
        async () => mixedDocument(),
        () => documentOf(en),
        () => documentOf(polish),
        () => documentOf(sv),
        async () => mixedDocument(),
        short('Kvot abc'),
        short('Kvot abd'),
        short('Kvot bca'),
        // Letters after edits: the map in another shading, at the same place, drawn from its kept paths.
        () => documentOf(demoSnapshot('sv', { study: studyAfterEdits(DEMO_STUDY, 1) })),
        () => documentOf(demoSnapshot('sv', { study: studyAfterEdits(DEMO_STUDY, 2) })),
      ];
      const outputs: Buffer[] = [];
      for (const make of sequence) {
        const ours = Buffer.from(await renderPdfBytes(await make()));
        const theirs = Buffer.from(await reference.createPdf(await make()).getBuffer());
        expectSamePdf(ours, theirs, `document ${outputs.length + 1} of the sequence`);
        outputs.push(ours);
      }
      // The same document gives the same bytes the second time (fonts, words and streams then come from the caches).
      expect(outputs[4]!.equals(outputs[0]!)).toBe(true);
      expect(outputs[5]!.equals(outputs[1]!)).toBe(true);
      // And the text layer maps every glyph back to its own character (a shared glyph must not carry another's).
      const mixed = pdfText(outputs[5]!);
      for (const words of ['Öberg, Łódź, Åre', 'efficient fjäll', 'Ärende fi fl ffi', 'Émilie Müller', 'Gävleborg Västernorrland', 'Mål Ölands fiskeflotta', 'Stilar b och a', 'Ärvd stil']) expect(mixed).toContain(words);
      expect(pdfText(outputs[3]!)).toContain('Jednostka badań klinicznych Łódź');
    },
    SLOW,
  );

  it(
    'draws maps of many shadings, and other plain SVGs, as pdfmake untouched does, one after another',
    async () => {
      const reference = untouchedPdfmake();
      const page = (svg: string, width = 150, above = 'Karta') => ({ info: { creationDate: new Date('2026-03-14T09:30:00Z') }, content: [{ text: above }, { svg, width }] }) as unknown as PdfDocDefinition;
      const lines = (fill: string, stroke = '#000000') =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><path d="M0,0 L80,40" fill="none" stroke="${stroke}" stroke-width="2"/><path d="M0,40L80,0L40,0Z" fill="${fill}"/><path d="M10,10L20,10L20,20Z" fill="${fill}" stroke="#ffffff"/></svg>`;
      const maps = mapShadings(8);
      const documents: PdfDocDefinition[] = [
        ...maps.map((svg) => page(svg)),
        // The same shadings elsewhere on the page and at another size: other places, kept apart.
        page(maps[3]!, 150, 'Karta\nlängre ned'),
        page(maps[4]!, 150, 'Karta\nlängre ned'),
        page(maps[5]!, 120),
        page(maps[2]!),
        // Small plain SVGs: a path without fill, fills in hex (drawn from kept paths with another colour), a named
        // fill and a short hex one (never recoloured), a fill the path draws white.
        page(lines('#ff0000'), 80),
        page(lines('#00ff00'), 80),
        page(lines('#00FF00', '#333333'), 80),
        page(lines('red'), 80),
        page(lines('#0f0'), 80),
        page(lines('#ffffff'), 80),
        page(lines('#ff0000'), 80),
      ];
      for (const [i, document] of documents.entries()) {
        const ours = Buffer.from(await renderPdfBytes(structuredClone(document)));
        const theirs = Buffer.from(await reference.createPdf(structuredClone(document)).getBuffer());
        expectSamePdf(ours, theirs, `SVG document ${i + 1}`, 5);
      }
    },
    SLOW,
  );

  it('measures an SVG and writes its size into it as pdfmake does, the map and the chart without parsing their elements', async () => {
    await renderPdfBytes({ content: [{ text: 'Antal' }] } as unknown as PdfDocDefinition);
    const ours = await catchSvgMeasurer(() => renderPdfBytes({ content: [{ text: 'Antal' }] } as unknown as PdfDocDefinition));
    const reference = untouchedPdfmake();
    const theirs = await catchSvgMeasurer(() => reference.createPdf({ content: [{ text: 'Antal' }] }).getBuffer());
    expect(Object.getPrototypeOf(ours)).not.toBe(Object.getPrototypeOf(theirs));
    const root = '<svg xmlns="http://www.w3.org/2000/svg"';
    const chart = (target: number, months: number, label: string) =>
      recruitmentChartSvg({
        series: Array.from({ length: months + 1 }, (_, month) => {
          const at = (share: number) => Math.round((share * target * month) / months);
          return { month, expected: at(1), low80: at(0.7), high80: at(1.3), low95: at(0.5), high95: at(1.5) };
        }),
        months,
        target,
        monthsLabel: 'månader från rekryteringsstart',
        countLabel: label,
        targetLabel: `mål ${target}`,
        formatCount: (value) => String(value),
      });
    const svgs = [
      ...mapShadings(6),
      chart(120, 24, 'kumulativt antal patienter'),
      chart(7, 6, `"citat" & <tecken> 'här'`),
      `${root} width="80" height="40"><text x="1" y="2">  luft runt  </text><text x="1" y="2">a&amp;b</text></svg>`,
      `${root} width="80" height="40"><text x="1" y="2">it's "so"</text><path d="M0,0" fill="#000000"/></svg>`,
      `${root} width="80" height="40"><text x="1" y="2">a</text><text x="1" y="2"></text></svg>`,
      `${root} width="80" height="40"><text x="1" y="2">\u00a0hårt mellanslag</text></svg>`,
      `${root} width="80" height="40"><g><path d="M0,0"/></g></svg>`,
      `${root} width="80" height="40"><text x="1">a</text ></svg>`,
      `${root} width="80" height="40"><circle cx="1" cy="1" r="1"/><text x="1">a</text><text y="2">b > c</text></svg>`,
      `${root} width="80pt" height="40" viewBox="0 0 160 80"><path d="M0,0L1,1" fill="#abcdef"/></svg>`,
      `${root} width="80" height="40" data-note="it's"><path d="M0,0 L1,1" fill="#000000" stroke="#ffffff" stroke-width="1"/></svg>`,
      `${root} width="80" height="40"><path d="M0,0 L1,1" fill="it's &quot;odd&quot;"/></svg>`,
      `<svg   xmlns="http://www.w3.org/2000/svg"\n viewBox="0 0 10 10" ><path  d="M0,0L1,1"\t fill="#000000" /><path d="M1,1L2,2"/></svg>`,
      `${root} viewBox="0 0 10 10">\n  <path d="M0,0L1,1"/>\n</svg>`,
      `${root} viewBox="0 0 10 10"></svg>`,
      `${root} viewBox="0 0 10 10"/>`,
      `${root} viewBox="0 0 10 10"><path d="M0,0" transform="scale(2)"/></svg>`,
      `${root} viewBox="0 0 10 10"><path d="M0,0" fill="&#35;000000"/></svg>`,
      `${root} viewBox="0 0 10 10"><path d="M0,0"/><rect width="1" height="1"/></svg>`,
      `${root} viewBox="0 0 10 10"><path d="M0,0" d="M1,1"/></svg>`,
      `${root}\u00a0viewBox="0 0 10 10"><path d="M0,0"/></svg>`,
      `${root} viewBox="0 0 10 10"><path d="M0,0\u0001"/></svg>`,
      `${root} viewBox="0 0 10 10"><path d="M0,0"></svg>`,
      `${root} viewBox="0 0 10"><path d="M0,0"/></svg>`,
      ` ${root} viewBox="0 0 10 10"><path d="M0,0"/></svg> `,
      `<svgx viewBox="0 0 10 10"><path d="M0,0"/></svgx>`,
    ];
    const outcome = <T,>(run: () => T): { value: T } | { error: string } => {
      try {
        return { value: run() };
      } catch (error) {
        return { error: String(error) };
      }
    };
    for (const svg of svgs) {
      // Twice: the second answer comes from what the first kept.
      for (const round of [1, 2]) {
        const which = `${svg.slice(0, 90)}… (round ${round})`;
        const size = outcome(() => theirs.measureSVG(svg));
        expect(outcome(() => ours.measureSVG(svg)), which).toEqual(size);
        if (!('value' in size) || typeof size.value.width !== 'number' || typeof size.value.height !== 'number') continue;
        for (const dimensions of [{ width: size.value.width, height: size.value.height }, { width: 150, height: (150 / size.value.width) * size.value.height }]) {
          expect(outcome(() => ours.writeDimensions(svg, dimensions)), which).toEqual(outcome(() => theirs.writeDimensions(svg, dimensions)));
        }
      }
    }
    // Written without being measured first (pdfmake always measures first): pdfmake's own answer.
    const fresh = `${root} width="12" height="34"><path d="M0,0L1,1" fill="#123456"/></svg>`;
    expect(ours.writeDimensions(fresh, { width: 1, height: 2 })).toBe(theirs.writeDimensions(fresh, { width: 1, height: 2 }));
  }, SLOW);

  it('loads again after a failed load, instead of failing every later letter', async () => {
    let attempts = 0;
    const engine = createPdfEngine(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('the PDF engine chunk did not arrive');
      return Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);
    });
    await expect(engine.warm()).rejects.toThrow('the PDF engine chunk did not arrive');
    const bytes = await engine.render(mixedDocument());
    expect(attempts).toBe(2);
    expect(pdfText(bytes)).toContain('Gävleborg Västernorrland');
    // Loaded now: no third load.
    await engine.render(mixedDocument());
    expect(attempts).toBe(2);
  }, SLOW);

  it(
    'refuses a letter with a character the font cannot draw, naming it and its text, and prints Łódź',
    async () => {
      const sv = demoSnapshot('sv');
      const error = await renderLetterPdf(withUnit(sv, { unitName: 'Prövningsenheten Lund → Malmö' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LetterGlyphError);
      const missing = (error as LetterGlyphError).missing;
      expect(missing).toEqual([{ character: '→', codePoint: 'U+2192', text: 'Prövningsenheten Lund → Malmö' }]);
      expect(missingGlyphText(missing, 'sv')).toBe('Brevet skapades inte: typsnittet kan inte skriva tecknet "→" (U+2192) i "Prövningsenheten Lund → Malmö". Skriv texten utan tecknet och försök igen.');
      expect(missingGlyphText(missing, 'en')).toContain('the character "→" (U+2192) in "Prövningsenheten Lund → Malmö"');
      // Asked again, the same refusal (a text with a missing character is never kept as drawable).
      const again = await renderLetterPdf(withUnit(sv, { unitName: 'Prövningsenheten Lund → Malmö' })).catch((e: unknown) => e);
      expect((again as LetterGlyphError).missing).toEqual(missing);

      // A character outside the Basic Multilingual Plane and one in the signature, both named once.
      const twice = await renderLetterPdf(withUnit(sv, { signatoryName: 'Åsa 𝔒berg 中', signatoryTitle: 'Koordinator 中' })).catch((e: unknown) => e);
      expect((twice as LetterGlyphError).missing.map((m) => m.codePoint)).toEqual(['U+1D512', 'U+4E2D']);

      // Polish letters are in the font: the letter is made and reads back with them.
      const polish = await renderLetterPdf(withUnit(sv, { unitName: 'Ośrodek badań Łódź' }));
      expect(pdfText(polish)).toContain('Ośrodek badań Łódź');
    },
    SLOW,
  );

  it('checks text inside an SVG too (a chart label), and not the markup around it', async () => {
    const doc = { content: [{ svg: '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text x="0" y="12">Patienter &#x2192; 5 &amp; fler</text></svg>', width: 80 }] } as unknown as PdfDocDefinition;
    const error = await renderPdfBytes(doc).catch((e: unknown) => e);
    expect((error as LetterGlyphError).missing).toEqual([{ character: '→', codePoint: 'U+2192', text: 'Patienter → 5 & fler' }]);
  }, SLOW);
});
