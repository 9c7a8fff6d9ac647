// The PDF engine: pdfmake's self-contained browser build with its embedded Roboto fonts (pdfmake/build/
// vfs_fonts.js), used in Node (CLI, tests) and in the renderer alike. One build everywhere means one deflate
// implementation and one font file, hence the same bytes from the same document definition on every platform.
// Loaded on first use (about 3 MB), so the app's first screen does not wait for it. A plain module with a
// declaration beside it (pdf-engine.d.mts): shared/ must not compile against @types/pdfmake, which pulls in DOM
// and Node types.

/** Roboto ships in pdfmake's virtual file system and covers Swedish (å ä ö) and the rest of Latin-1. */
const FONTS = {
  Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
};
const FACES = [
  { bold: false, italics: false },
  { bold: true, italics: false },
  { bold: false, italics: true },
  { bold: true, italics: true },
];

import { zlibSync } from 'fflate';
import { LetterGlyphError } from './glyph-error.mjs';

export { LetterGlyphError };

/** pdfmake and its fonts, as the app bundles them: a chunk of their own, fetched on first use. */
const importEngineModules = () => Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);

/** What was set up on a pdfmake module (its document class taught to share fonts), so it is done once per module. */
const prepared = new WeakMap();

/**
 * A PDF engine: loads pdfmake on first use and keeps it. A load that failed (a chunk that did not arrive, a worker
 * out of memory) is not kept: the next letter loads again, instead of failing forever with the first error.
 * `importModules` is how pdfmake and its fonts are loaded (a test gives one that fails first).
 */
export function createPdfEngine(importModules = importEngineModules) {
  let engine = null;
  const ensureEngine = () => {
    if (!engine) {
      const loading = loadEngine(importModules);
      engine = loading;
      loading.catch(() => {
        if (engine === loading) engine = null;
      });
    }
    return engine;
  };
  return {
    async render(docDefinition) {
      const { pdfMake, faces } = await ensureEngine();
      const missing = missingGlyphs(docDefinition, faces);
      if (missing.length > 0) throw new LetterGlyphError(missing);
      const buffer = await pdfMake.createPdf(docDefinition).getBuffer();
      // A plain Uint8Array copy (the engine answers with its own Buffer polyfill).
      return Uint8Array.from(buffer);
    },
    async warm(texts = [], content = []) {
      const { pdfMake, shape } = await ensureEngine();
      await pdfMake.createPdf(warmPage(content)).getBuffer();
      shape(texts);
    },
  };
}

async function loadEngine(importModules) {
  const [pdfmakeModule, vfsModule] = await importModules();
  const pdfMake = pdfmakeModule.default ?? pdfmakeModule;
  const vfs = vfsModule.default ?? vfsModule;
  const known = prepared.get(pdfMake);
  if (known) return known;
  pdfMake.addVirtualFileSystem(vfs);
  pdfMake.setFonts(FONTS);
  // A letter never fetches anything: images arrive as data URLs, fonts from the virtual file system.
  pdfMake.setUrlAccessPolicy(() => false);
  // One line in every face, laid out but never written: it gives pdfmake's document class and the four fonts as
  // parsed, which every later document then shares, and its style stack's and renderer's classes.
  const caught = catchPdfmakeClasses();
  let probe;
  try {
    probe = await pdfMake.createPdf({ content: FACES.map((face) => ({ text: 'Antal', ...face })) }).getStream();
  } finally {
    caught.release();
  }
  const faces = shareParsedFonts(Object.getPrototypeOf(probe), probe.fontCache);
  reuseCompressedStreams(Object.getPrototypeOf(probe.ref()));
  writeColoursOnce(Object.getPrototypeOf(probe));
  if (caught.styleStackClass) lookUpStylesWithoutAllocating(caught.styleStackClass);
  if (caught.styleStackClass && caught.textInlinesPrototype) styleEachRunOnce(caught.textInlinesPrototype, caught.styleStackClass);
  if (caught.rendererPrototype) replayPlainSvgDrawings(caught.rendererPrototype);
  if (caught.svgMeasurePrototype) measureSvgsOnce(caught.svgMeasurePrototype);
  const anyFace = faces.values().next().value;
  if (anyFace) {
    layOutWordsWithoutCopying(anyFace.EmbeddedFont.prototype);
    keepEncodedSubsets(Object.getPrototypeOf(anyFace.font.createSubset()));
  }
  // Shapes texts word by word into the shared caches, as laying them out in a letter would, without a layout.
  const shape = (texts) => {
    for (const face of faces.values()) {
      const embedded = new face.EmbeddedFont(probe, face.font, 'Fwarm');
      if (face.layoutCache) embedded.layoutCache = face.layoutCache;
      for (const text of texts) for (const line of text.split('\n')) embedded.layout(line, undefined, true);
    }
  };
  const ready = { pdfMake, faces, shape };
  prepared.set(pdfMake, ready);
  return ready;
}

/**
 * pdfmake parses its TrueType fonts again for every document (each document opens the font file anew, and the
 * font's tables — cmap, glyph substitution and positioning — are decoded and cached on that one parse), and
 * shapes every word again: most of a later letter's time. The parsed font is the same for every document, so the
 * document class is taught to reuse it: each document still gets its own embedded font object (its own subset,
 * glyph widths and PDF object ids, numbered as pdfmake numbers them), built on the one parsed font and sharing
 * one cache of shaped words per face. A shaped word depends on the font only (positions in font units), and the
 * subset is rebuilt per document from the glyphs that document uses, so the bytes are exactly those of an
 * unshared engine (a test renders the same documents with pdfmake untouched and compares).
 */
function shareParsedFonts(documentPrototype, seeded) {
  const faces = new Map();
  const keep = (family, type, embedded) => {
    faces.set(`${family}\u0000${type}`, { font: glyphsOwnTheirCharacters(embedded.font), layoutCache: embedded.layoutCache, EmbeddedFont: embedded.constructor });
  };
  for (const [family, types] of Object.entries(seeded)) for (const [type, embedded] of Object.entries(types)) keep(family, type, embedded);
  const provideParsed = documentPrototype.provideFont;
  documentPrototype.provideFont = function provideFont(familyName, bold, italics) {
    const type = this.getFontType(bold, italics);
    const own = (this.fontCache[familyName] ??= {});
    if (own[type]) return own[type];
    const face = faces.get(`${familyName}\u0000${type}`);
    if (!face || this.getFontFile(familyName, bold, italics) === null) {
      const embedded = provideParsed.call(this, familyName, bold, italics);
      if (embedded?.font && embedded.constructor) keep(familyName, type, embedded);
      return embedded;
    }
    own[type] = embedFace(this, face);
    return own[type];
  };
  // Text inside an SVG (chart labels) names its font by file; pdfkit then opens and parses that file again for
  // every text element, only to find the face already embedded and use that one. The same steps without the parse.
  const fileFaces = new Map();
  for (const [family, types] of Object.entries(FONTS)) for (const [type, file] of Object.entries(types)) fileFaces.set(file, `${family}\u0000${type}`);
  const openByName = documentPrototype.font;
  documentPrototype.font = function font(src, family, size) {
    const face = typeof src === 'string' && fileFaces.has(src) ? faces.get(fileFaces.get(src)) : undefined;
    if (!face || this._registeredFonts[src] || this._fontFamilies[src] || typeof family === 'number' || family != null) return openByName.call(this, src, family, size);
    this._fontSource = src;
    this._fontFamily = family;
    if (size != null) this.fontSize(size);
    const id = `F${++this._fontCount}`;
    const sameName = this._fontFamilies[face.font.postscriptName];
    if (sameName && sameName.font === face.font) {
      this._font = sameName;
      return this;
    }
    const embedded = new face.EmbeddedFont(this, face.font, id);
    if (embedded.layoutCache && face.layoutCache) embedded.layoutCache = face.layoutCache;
    this._font = embedded;
    this._fontFamilies[src] = embedded;
    if (embedded.name && !this._fontFamilies[embedded.name]) this._fontFamilies[embedded.name] = embedded;
    return this;
  };
  return faces;
}

/**
 * A glyph object remembers the characters it was first made for, and the PDF's text layer (what copying text and
 * pdftotext give) maps the glyph back to them. pdfmake's font caches one object per glyph, so in a shared font the
 * first document's characters would speak for every later one, and the subset writer's own glyph reads (made for
 * no character) would erase them: a letter's bytes would depend on the letters made before it in the process.
 * So the shared font caches a glyph only with the characters it is asked for; a glyph asked for without
 * characters, or for other characters than the cached ones (two characters drawn alike), gets an object of its
 * own. Each shaped word then holds glyphs for its own characters, as in a font parsed for one document.
 */
function glyphsOwnTheirCharacters(font) {
  if (font.getGlyph.sharedAcrossDocuments) return font;
  const getGlyph = font.getGlyph;
  const sameCharacters = (a, b) => a.length === b.length && a.every((codePoint, i) => codePoint === b[i]);
  const shared = function (id, characters = []) {
    const cached = this._glyphs[id];
    if (cached && (characters.length === 0 || sameCharacters(cached.codePoints, characters))) return cached;
    if (!cached && characters.length > 0) return getGlyph.call(this, id, characters);
    const glyph = getGlyph.call(Object.create(this, { _glyphs: { value: {} } }), id, characters);
    return glyph;
  };
  shared.sharedAcrossDocuments = true;
  font.getGlyph = shared;
  return font;
}

/** Colours given as text, by text: the colour space and the numbers pdfkit writes for each. */
const colourTexts = new Map();
const COLOUR_TEXTS_KEPT = 256;

/**
 * pdfkit sets the fill colour before every word pdfmake writes ("black", "#333333", …): it parses the text into
 * red, green and blue, divides each by 255 and writes the three numbers (and the colour space) as text, every time.
 * For a colour written `#…` or named (a colour pdfkit knows by name comes before any spot colour of that name), all
 * of that is a function of the text alone: what pdfkit's own parser makes of it, asked once on a document without
 * spot colours, is kept with the numbers as written, and the same operators are written from it. Anything else (a
 * spot colour, an array, a gradient) is set by pdfkit as before.
 */
function writeColoursOnce(documentPrototype) {
  if (documentPrototype._setColorCore.writtenOnce) return;
  const { _setColorCore: setColorCore, _normalizeColor: normalizeColor, _getColorSpace: getColorSpace } = documentPrototype;
  const colourOf = (text) => {
    let kept = colourTexts.get(text);
    if (kept === undefined) {
      const color = normalizeColor.call({ spotColors: {} }, text);
      kept = Array.isArray(color) ? { space: getColorSpace.call(null, color), numbers: color.join(' ') } : null;
      if (colourTexts.size >= COLOUR_TEXTS_KEPT) colourTexts.clear();
      colourTexts.set(text, kept);
    }
    return kept;
  };
  const setColorCoreKept = function setColorCoreKept(color, stroke) {
    const kept = typeof color === 'string' ? colourOf(color) : null;
    if (!kept) return setColorCore.call(this, color, stroke);
    this._setColorSpace(kept.space, stroke);
    this.addContent(`${kept.numbers} ${stroke ? 'SCN' : 'scn'}`);
    return true;
  };
  setColorCoreKept.writtenOnce = true;
  documentPrototype._setColorCore = setColorCoreKept;
}

/** Streams compressed lately, by content: the embedded font subsets and many a page repeat from letter to letter. */
const COMPRESSED_KEPT = 48;
const compressed = [];

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  // Four bytes at a time where both arrays allow it (a stream kept or compared is often tens of kilobytes, and the
  // first letters compare them before this loop is compiled), then the rest byte by byte.
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >>> 2;
    const aw = new Uint32Array(a.buffer, a.byteOffset, words);
    const bw = new Uint32Array(b.buffer, b.byteOffset, words);
    for (let w = 0; w < words; w++) if (aw[w] !== bw[w]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concatBytes(chunks) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The letter's streams are compressed with fflate, not with the zlib port inside pdfmake's browser build: the same
 * format (zlib-wrapped deflate, which the PDF's FlateDecode filter names) at the same level, about twice as fast, and
 * like the port pure JavaScript, so the same stream gives the same bytes in Node, the app's worker and Electron alike
 * (a native deflate, such as the browser's CompressionStream, may differ from one zlib build to the next).
 */
const DEFLATE_LEVEL = 6;

/**
 * Much of what a letter compresses — the font subsets above all — is byte for byte what the previous letter
 * compressed. Each compressed stream is kept by content; a later stream with the same bytes is written with those
 * compressed bytes instead of being compressed again. Deflate is deterministic, so the file is the same.
 */
function reuseCompressedStreams(referencePrototype) {
  const finalize = referencePrototype.finalize;
  const write = referencePrototype.write;
  // pdfkit turns every drawing operator into its own small buffer (a page holds thousands); the operators are
  // written as they come into one growing byte array instead, as pdfkit's 'binary' encoding does (one byte per
  // character, the low 8 bits, and the line break pdfkit adds), and that is handed on as one buffer.
  const flushText = (reference) => {
    const length = reference.pendingLength;
    if (!length) return;
    reference.buffer.push(reference.pendingBytes.slice(0, length));
    reference.pendingLength = 0;
    // The lengths pdfkit adds up write by write, added here once per run of text: nothing reads them before the
    // stream ends (finalize sets /Length from the bytes), and the dictionary got its members at the run's first write.
    reference.uncompressedLength += length;
    reference.data.Length += length;
  };
  const gather = (reference, text) => {
    const at = reference.pendingLength ?? 0;
    const needed = at + text.length + 1;
    let bytes = reference.pendingBytes;
    if (!bytes || bytes.length < needed) {
      const grown = new Uint8Array(Math.max(needed, 2 * (bytes?.length ?? 0), 4096));
      if (bytes) grown.set(bytes.subarray(0, at));
      reference.pendingBytes = bytes = grown;
    }
    let end = at;
    for (let i = 0; i < text.length; i++) bytes[end++] = text.charCodeAt(i) & 0xff;
    bytes[end++] = 10;
    reference.pendingLength = end;
  };
  referencePrototype.write = function writeGathering(chunk) {
    if (chunk instanceof Uint8Array) {
      flushText(this);
      return write.call(this, chunk);
    }
    const text = typeof chunk === 'string' ? chunk : `${chunk}`;
    if (!this.pendingLength) {
      // What pdfkit's write does to the stream's dictionary: /Length (added first, when missing), then /Filter.
      if (this.data.Length == null) this.data.Length = 0;
      if (this.compress) this.data.Filter = 'FlateDecode';
    }
    gather(this, text);
  };
  referencePrototype.finalize = function finalizeReusing() {
    flushText(this);
    this.pendingBytes = null;
    if (!this.compress || this.buffer.length === 0 || this.document._security) return finalize.call(this);
    const data = concatBytes(this.buffer);
    // Kept streams are found by their length, then compared byte for byte: a stream whose length no kept one has
    // (most pages of a changed answer) costs no look at its bytes at all.
    const kept = compressed.find((entry) => entry.data.length === data.length && sameBytes(entry.data, data));
    if (kept) {
      compressed.splice(compressed.indexOf(kept), 1);
      compressed.push(kept);
      this.buffer = [kept.deflated];
      this.compress = false;
      return finalize.call(this);
    }
    const deflated = zlibSync(data, { level: DEFLATE_LEVEL });
    compressed.push({ data: this.buffer.length === 1 ? new Uint8Array(data) : data, deflated });
    if (compressed.length > COMPRESSED_KEPT) compressed.shift();
    this.buffer = [deflated];
    this.compress = false;
    return finalize.call(this);
  };
}

/**
 * pdfmake's style stack (the named styles and overrides in force at a node), its page renderer, its SVG measurer
 * and its text measurer are classes it does not export. Their constructors assign `styleOverrides`,
 * `progressCallback` and `pdfDocument` on the new object, and the layout's constructors assign a new SVG measurer to
 * `svgMeasure`; while the probe document is laid
 * out and drawn, a setter of each name on Object.prototype sees such an assignment, notes the class and puts the
 * value where the assignment would have (an own, writable, enumerable property). Removed as soon as the probe is
 * done.
 */
function catchPdfmakeClasses() {
  const caught = { styleStackClass: null, rendererPrototype: null, svgMeasurePrototype: null, textInlinesPrototype: null, release: () => undefined };
  const watch = {
    styleOverrides(object) {
      const candidate = object.constructor;
      if (!caught.styleStackClass && typeof candidate?.getStyleProperty === 'function' && typeof candidate.prototype?.getProperty === 'function') caught.styleStackClass = candidate;
    },
    progressCallback(object) {
      const prototype = Object.getPrototypeOf(object);
      if (!caught.rendererPrototype && typeof prototype?.renderSVG === 'function') caught.rendererPrototype = prototype;
    },
    pdfDocument(object) {
      const prototype = Object.getPrototypeOf(object);
      if (!caught.textInlinesPrototype && typeof prototype?.measure === 'function' && typeof prototype.buildInlines === 'function' && typeof prototype.widthOfText === 'function') caught.textInlinesPrototype = prototype;
    },
    svgMeasure(_object, value) {
      const prototype = value ? Object.getPrototypeOf(value) : null;
      if (!caught.svgMeasurePrototype && typeof prototype?.measureSVG === 'function' && typeof prototype.writeDimensions === 'function') caught.svgMeasurePrototype = prototype;
    },
  };
  const installed = [];
  for (const [name, see] of Object.entries(watch)) {
    if (Object.prototype.hasOwnProperty.call(Object.prototype, name)) continue;
    Object.defineProperty(Object.prototype, name, {
      configurable: true,
      enumerable: false,
      set(value) {
        see(this, value);
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
    installed.push(name);
  }
  caught.release = () => {
    for (const name of installed) delete Object.prototype[name];
  };
  return caught;
}

const isValue = (value) => value !== undefined && value !== null;
const isStringLike = (value) => typeof value === 'string' || value instanceof String;

/** A named style's value of `property`, following `extends` (the parents last to first), never a style twice. */
function namedStyleValue(dictionary, styleName, property, visited) {
  if (visited?.has(styleName)) return undefined;
  const style = dictionary[styleName];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set();
  seen.add(styleName);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = namedStyleValue(dictionary, parents[i], property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One entry of the style stack: a style's name or an object of overrides. */
const entryValue = (dictionary, entry, property) => (isStringLike(entry) ? namedStyleValue(dictionary, entry, property, null) : entry[property]);

/**
 * pdfmake asks its style stack for each of eighteen properties of every run of text it measures, and every question
 * pushes the node's styles onto the stack, makes a closure, a Set per named style and pops them again: a large part
 * of a letter's layout, and of the garbage it leaves. The same answers, looked up in the same order (the node's own
 * value, its styles last to first, the stack top to bottom, the default style) without building anything. A test
 * renders letters with pdfmake untouched and compares the PDFs object by object.
 */
function lookUpStylesWithoutAllocating(StyleStack) {
  if (StyleStack.getStyleProperty.allocationFree) return;
  StyleStack.prototype.getProperty = function getProperty(property) {
    const overrides = this.styleOverrides;
    if (overrides) {
      for (let i = overrides.length - 1; i >= 0; i--) {
        const value = entryValue(this.styleDictionary, overrides[i], property);
        if (isValue(value)) return value;
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
  const getStyleProperty = function getStyleProperty(item, stack, property, defaultValue) {
    if (isValue(item[property])) return item[property];
    if (!stack) return defaultValue;
    // What pushing the node would add above the stack: its styles, then the node itself (whose own value is not set).
    if (!isStringLike(item) && typeof item.section === 'undefined' && item.style) {
      const styles = Array.isArray(item.style) ? item.style : [item.style];
      for (let i = styles.length - 1; i >= 0; i--) {
        const value = entryValue(stack.styleDictionary, styles[i], property);
        if (isValue(value)) return value;
      }
    }
    const value = stack.getProperty(property);
    return isValue(value) ? value : defaultValue;
  };
  getStyleProperty.allocationFree = true;
  StyleStack.getStyleProperty = getStyleProperty;
}

/** What pdfmake's text measurer looks up for every word, in its order, with its defaults. */
const WORD_STYLE = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];
/** A word's own members its style answers depend on (besides the style stack, the same for all words measured together). */
const WORD_STYLE_INPUTS = ['style', 'section', 'font', 'bold', 'italics', ...WORD_STYLE.map(([name]) => name), 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces'];
const LEADING_SPACES = /^(\s)+/g;
const TRAILING_SPACES = /(\s)+$/g;

/**
 * pdfmake measures a text word by word, and asks the style stack for twenty-odd properties of every word (font,
 * size, colour, decoration, …), though the words of one run of text were all cut from the same inline and carry
 * the same members: the same answers, word after word. The measurer below is pdfmake's (TextInlines.measure), step
 * for step, but a word whose members that the answers depend on — its own values of those properties, its `style`
 * and `section` — are the very ones (===) of the word before it takes that word's answers instead of asking again:
 * every answer is a function of those members and of the stack, which is the same for the whole call, and asking
 * has no effect of its own (the font is provided once per face and document; asked again, pdfmake answers with the
 * same object). Each word gets the same members set, in the same order, to the same values.
 */
function styleEachRunOnce(textInlinesPrototype, StyleStack) {
  if (textInlinesPrototype.measure.stylesOncePerRun) return;
  const measure = function measure(array, styleContextStack) {
    const style = (item, property, defaultValue) => StyleStack.getStyleProperty(item, styleContextStack, property, defaultValue);
    if (array.length) {
      const leadingIndent = style(array[0], 'leadingIndent', 0);
      if (leadingIndent) {
        array[0].leadingCut = -leadingIndent;
        array[0].leadingIndent = leadingIndent;
      }
    }
    let inputs = null;
    let answers = null;
    for (let index = 0; index < array.length; index++) {
      const item = array[index];
      let same = inputs !== null;
      for (let k = 0; same && k < WORD_STYLE_INPUTS.length; k++) same = item[WORD_STYLE_INPUTS[k]] === inputs[k];
      if (!same) {
        inputs = WORD_STYLE_INPUTS.map((name) => item[name]);
        const font = style(item, 'font', 'Roboto');
        const bold = style(item, 'bold', false);
        const italics = style(item, 'italics', false);
        answers = { font: this.pdfDocument.provideFont(font, bold, italics), values: [] };
        for (const [name, defaultValue] of WORD_STYLE) answers.values.push(style(item, name, defaultValue));
        answers.lineHeight = style(item, 'lineHeight', 1);
        answers.preserveLeadingSpaces = style(item, 'preserveLeadingSpaces', false);
        answers.preserveTrailingSpaces = style(item, 'preserveTrailingSpaces', false);
      }
      item.font = answers.font;
      for (let k = 0; k < WORD_STYLE.length; k++) item[WORD_STYLE[k][0]] = answers.values[k];
      if (item.sup || item.sub) {
        // pdfmake's size for superscript and subscript
        item.fontSize *= 0.58;
      }
      item.width = this.widthOfText(item.text, item);
      item.height = item.font.lineHeight(item.fontSize) * answers.lineHeight;
      if (!item.leadingCut) item.leadingCut = 0;
      if (!answers.preserveLeadingSpaces) {
        const leadingSpaces = item.text.match(LEADING_SPACES);
        if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0], item);
      }
      item.trailingCut = 0;
      if (!answers.preserveTrailingSpaces) {
        const trailingSpaces = item.text.match(TRAILING_SPACES);
        if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item);
      }
    }
    return array;
  };
  measure.stylesOncePerRun = true;
  textInlinesPrototype.measure = measure;
}

/**
 * pdfkit lays a text out word by word from its cache of shaped words, but joins the words' glyphs by copying the
 * whole array again for every word and compares every character against a new array of separators. The same
 * words, the same glyph and position objects in the same order and the same sum of widths, without the copies.
 */
function layOutWordsWithoutCopying(embeddedFontPrototype) {
  if (embeddedFontPrototype.layout.withoutCopying) return;
  const layout = function layout(text, features, onlyWidth) {
    if (features) return this.layoutRun(text, features);
    const glyphs = onlyWidth ? null : [];
    const positions = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    let index = 0;
    const length = text.length;
    while (index <= length) {
      const code = index < length ? text.charCodeAt(index) : -1;
      // A word ends after a space or a tab (which it keeps), or at the end of the text.
      if ((index === length && last < index) || code === 32 || code === 9) {
        index++;
        const run = this.layoutCached(text.slice(last, index));
        if (!onlyWidth) {
          for (let i = 0; i < run.glyphs.length; i++) glyphs.push(run.glyphs[i]);
          for (let i = 0; i < run.positions.length; i++) positions.push(run.positions[i]);
        }
        // A shaped word's width is the sum of its positions' advances, which fontkit adds up again every time it
        // is asked; a kept word's positions never change (they are scaled once, when it is shaped), so the sum,
        // made the same way, is kept on the word.
        advanceWidth += run.keptAdvanceWidth ??= run.advanceWidth;
        last = index;
      } else index++;
    }
    return { glyphs, positions, advanceWidth };
  };
  layout.withoutCopying = true;
  embeddedFontPrototype.layout = layout;
  /**
   * pdfkit encodes every piece of text it writes (a letter writes word by word, many words again and again): it lays
   * the text out, adds each glyph to the document's font subset and notes its width and characters, and gives the
   * glyphs' ids in the subset and their positions. Once a text has been encoded in a document, encoding it again
   * there changes nothing (its glyphs are in the subset already, with their widths and characters) and gives the
   * same ids and positions; so each embedded font (one per face and document) keeps its answers by text, and
   * answers a text again with them. Nothing that asks changes the arrays it is given (pdfkit's text writing and
   * svg-to-pdfkit read them). Texts with OpenType features are encoded as before.
   */
  const encode = embeddedFontPrototype.encode;
  embeddedFontPrototype.encode = function encodeOncePerDocument(text, features) {
    if (features) return encode.call(this, text, features);
    let kept = this.encodedTexts;
    if (!kept) this.encodedTexts = kept = new Map();
    let encoded = kept.get(text);
    if (!encoded) {
      encoded = encode.call(this, text, features);
      kept.set(text, encoded);
    }
    return encoded;
  };
}

/** Drawings of plain SVGs kept lately: the calls they made on the document, by SVG text, size and place. */
const SVG_DRAWINGS_KEPT = 8;
const svgDrawings = new Map();

/**
 * An SVG of filled and stroked paths only (the letter's county map): no text, images, links, styles, gradients,
 * patterns, masks or clipping, so drawing it calls the document's drawing methods and nothing else. (pdfmake hands
 * it on re-serialised, one element a line.)
 */
const PLAIN_SVG = /^\s*<svg\b[^>]*>(?:\s*<path\b(?:\s+(?:d|fill|stroke|stroke-width)="[^"<>]*")*\s*\/>)*\s*<\/svg>\s*$/;

/**
 * An attribute as a plain SVG writes it: XML white space (nothing else separates attributes for pdfmake's parser),
 * a name, then a value in double quotes without markup, entities or control characters.
 */
const PLAIN_ATTRIBUTE = /[ \t\n\r]+([A-Za-z_][-A-Za-z0-9_.:]*)="([^"<>&]*)"/y;
const PLAIN_PATH_ATTRIBUTES = new Set(['d', 'fill', 'stroke', 'stroke-width']);
const hasControlCharacter = (text) => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
};
const isXmlSpace = (character) => character === ' ' || character === '\n' || character === '\t' || character === '\r';

/** The attributes from `at` on, into `attributes`; the index after them, or -1 for a name given twice or not allowed. */
function readPlainAttributes(text, at, attributes, allowed) {
  let end = at;
  PLAIN_ATTRIBUTE.lastIndex = at;
  for (let match = PLAIN_ATTRIBUTE.exec(text); match; match = PLAIN_ATTRIBUTE.exec(text)) {
    const name = match[1];
    if ((allowed && !allowed.has(name)) || attributes.some((attribute) => attribute[0] === name) || hasControlCharacter(match[2])) return -1;
    attributes.push([name, match[2]]);
    end = PLAIN_ATTRIBUTE.lastIndex;
  }
  return end;
}

/** An SVG text's root start tag as written (`<svg …>`, its attributes as readPlainAttributes reads them) and where it ends, or null. */
function readRootTag(text) {
  if (!text.startsWith('<svg')) return null;
  let at = readPlainAttributes(text, 4, [], null);
  if (at < 0) return null;
  while (isXmlSpace(text[at])) at++;
  return text[at] === '>' ? { rootTag: text.slice(0, at + 1), end: at + 1 } : null;
}

/**
 * A plain SVG's text by its parts, or null for any other text: the root's start tag (as written), and each path
 * element's attributes in order, each name once. Stricter than PLAIN_SVG: attribute values hold no
 * `&` (no entity to decode) and no control character, and nothing precedes `<svg` or follows `</svg>`.
 */
function readPlainSvg(text) {
  const root = readRootTag(text);
  if (!root) return null;
  const { rootTag } = root;
  let at = root.end;
  const paths = [];
  for (;;) {
    while (isXmlSpace(text[at])) at++;
    if (text.startsWith('<path', at)) {
      const attributes = [];
      at = readPlainAttributes(text, at + 5, attributes, PLAIN_PATH_ATTRIBUTES);
      if (at < 0) return null;
      while (isXmlSpace(text[at])) at++;
      if (!text.startsWith('/>', at)) return null;
      at += 2;
      paths.push(attributes);
      continue;
    }
    return text.startsWith('</svg>', at) && at + 6 === text.length ? { rootTag, paths } : null;
  }
}

const XML_NAME = /[A-Za-z_][-A-Za-z0-9_.:]*/y;

/**
 * An SVG's text as a root and a flat list of elements, each either empty (`<name …/>`) or holding text only
 * (`<name …>text</name>`), nothing between them and nothing around the root — the letter's map and chart as
 * map.ts and charts.ts write them — or null for any other text. Attribute values as readPlainAttributes reads them (any
 * names, each once); an element's text without markup, entities or control characters, and without white space
 * at either end (xmldoc writes a text back trimmed). Such a text is well-formed XML whose elements xmldoc reads
 * as written.
 */
function readFlatSvg(text) {
  const root = readRootTag(text);
  if (!root) return null;
  const { rootTag } = root;
  let at = root.end;
  const elements = [];
  for (;;) {
    if (text.startsWith('</svg>', at)) return at + 6 === text.length && elements.length > 0 ? { rootTag, elements } : null;
    if (text[at] !== '<') return null;
    XML_NAME.lastIndex = at + 1;
    const name = XML_NAME.exec(text)?.[0];
    if (!name) return null;
    const attributes = [];
    at = readPlainAttributes(text, at + 1 + name.length, attributes, null);
    if (at < 0) return null;
    while (isXmlSpace(text[at])) at++;
    if (text.startsWith('/>', at)) {
      elements.push({ name, attributes, content: null });
      at += 2;
      continue;
    }
    if (text[at] !== '>') return null;
    const end = text.indexOf(`</${name}>`, at + 1);
    if (end < 0) return null;
    const content = text.slice(at + 1, end);
    if (content.length === 0 || content.trim() !== content || /[<>&]/.test(content) || hasControlCharacter(content)) return null;
    elements.push({ name, attributes, content });
    at = end + name.length + 3;
  }
}

/** An attribute value as xmldoc (pdfmake's SVG parser) writes it back. */
const xmldocEscape = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

/**
 * svg-to-pdfkit parses an SVG's text, its styles and every path's data again for every letter, only to make the
 * same calls on the document: "save", "transform", "moveTo", "lineTo", "fillColor", "fillAndStroke", … The map of
 * a letter is often the same as the previous letter's (its shades are quintiles of the printed figures, which a
 * small edit seldom moves). So the calls a plain SVG made on the document are recorded — the document seen through
 * a proxy that notes every call made on it from outside (not the calls pdfkit makes inside a call) — and a later
 * SVG with the same text, size and place is drawn by making the same calls, with the same arguments, on the new
 * document. Its operators, colours and transparency states are thus written by pdfkit itself, as for a drawing
 * made afresh. Anything but a method call or svg-to-pdfkit's save and restore of the fill colour seen while
 * recording (a page, a reference, a font) leaves that drawing unkept.
 */
function replayPlainSvgDrawings(rendererPrototype) {
  if (rendererPrototype.renderSVG.replaying) return;
  const renderSVG = rendererPrototype.renderSVG;
  const replaying = function renderSVGReplaying(svg) {
    if (typeof svg.svg !== 'string' || svg.link || svg.linkToPage || !PLAIN_SVG.test(svg.svg)) return renderSVG.call(this, svg);
    const key = JSON.stringify([svg.svg, svg.x, svg.y, svg._width, svg._height, svg.font ?? null, svg.options ?? null]);
    const document = this.pdfDocument;
    const kept = svgDrawings.get(key);
    if (kept) {
      svgDrawings.delete(key);
      svgDrawings.set(key, kept);
      const fillColor = document._fillColor;
      for (const [name, args] of kept) document[name](...args);
      document._fillColor = fillColor;
      return undefined;
    }
    const keep = (calls) => {
      svgDrawings.set(key, calls);
      if (svgDrawings.size > SVG_DRAWINGS_KEPT) svgDrawings.delete(svgDrawings.keys().next().value);
    };
    // The same root at the same size and place as a drawing kept by paths: drawn from its paths' calls.
    const plain = readPlainSvg(svg.svg);
    const placeKey = plain && JSON.stringify([plain.rootTag, svg.x, svg.y, svg._width, svg._height, svg.font ?? null, svg.options ?? null]);
    const assembled = plain && assembleFromPaths(svgPathDrawings.get(placeKey), plain.paths);
    if (assembled) {
      const fillColor = document._fillColor;
      for (const [name, args] of assembled) document[name](...args);
      document._fillColor = fillColor;
      keep(assembled);
      return undefined;
    }
    const recording = recordDocumentCalls(document);
    this.pdfDocument = recording.proxy;
    try {
      renderSVG.call(this, svg);
    } finally {
      this.pdfDocument = document;
    }
    if (recording.plain) {
      keep(recording.calls);
      const byPaths = plain && splitByPaths(recording.calls, plain.paths, svgPathDrawings.get(placeKey));
      if (byPaths) {
        svgPathDrawings.delete(placeKey);
        svgPathDrawings.set(placeKey, byPaths);
        if (svgPathDrawings.size > SVG_PLACES_KEPT) svgPathDrawings.delete(svgPathDrawings.keys().next().value);
      }
    }
    return undefined;
  };
  replaying.replaying = true;
  rendererPrototype.renderSVG = replaying;
}

/** Plain SVGs' drawings kept by path, per root, size and place (a few places: the map is drawn at one or two). */
const SVG_PLACES_KEPT = 4;
const SVG_PATHS_KEPT = 256;
const svgPathDrawings = new Map();

/** A path's fill when it is a colour `#rrggbb`, which svg-to-pdfkit sets with fillColor([r, g, b], 1). */
const hexFillOf = (attributes) => {
  const fill = attributes.find((attribute) => attribute[0] === 'fill')?.[1];
  return fill !== undefined && /^#[0-9a-fA-F]{6}$/.test(fill) ? fill : null;
};
const rgbOf = (hex) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/** A path's key: its attributes in order, a `#rrggbb` fill left out (the drawing is kept with that one call marked). */
const pathKey = (attributes, hexFill) => (hexFill ? 'H' : 'R') + attributes.map(([name, value]) => `${name}=${hexFill && name === 'fill' ? '' : value}`).join('\u0000');

/**
 * The map's shades change with the answer far more often than its outlines, and a drawing kept whole is of no use
 * to a map of another shading. So a plain SVG's recorded drawing is also kept path by path: svg-to-pdfkit draws
 * the root (save, place, clip, the viewBox's transform), then each path inside a save and restore of its own — its
 * colours, line style, outline and paint, from its own attributes alone, since a plain SVG has no styles, groups
 * or inheritance — and then restores the root. The calls are split so (checked: the root's part restores nothing,
 * the end is only restores back to the start, the rest is one save-to-restore block per path, in order), and a path
 * with a fill `#rrggbb` must have set it with exactly one fillColor([r, g, b], 1): that call is the one thing its
 * fill changes, so another shade of the same path is drawn with the same calls and that call's colour changed. A
 * later SVG with the same root, size and place whose every path is kept (by its attributes, the fill's colour
 * aside) is drawn by making those calls in order, as a recording of it would have made them. Anything else —
 * a path not drawn in a block of its own, a fill set otherwise — keeps nothing by path. A test draws maps of many
 * shadings after one another and compares the PDFs with pdfmake untouched.
 */
function splitByPaths(calls, paths, known) {
  // The depth the paths' blocks start at is not known from the calls alone (with one path, the root's own inner save
  // is a block too): the shallowest depth with one block per path. At any such depth every block is drawn from the
  // root (kept and compared below) and its path alone, so any one of them keeps a correct split.
  for (let depth = 0; ; depth++) {
    const split = splitAtDepth(calls, depth);
    if (!split) return null;
    if (split.blocks?.length === paths.length) return keepPaths(split, paths, known);
  }
}

/**
 * The calls as a root part (saves and drawing, no restore) down to `depth`, blocks from a save at `depth` to its
 * restore, and `depth` restores; `blocks` null when the calls do not have that shape at that depth, null when the
 * root part never reaches it.
 */
function splitAtDepth(calls, depth) {
  let level = 0;
  let at = 0;
  for (; at < calls.length; at++) {
    const name = calls[at][0];
    if (name === 'restore') return null;
    if (name === 'save') {
      if (level === depth) break;
      level++;
    }
  }
  if (level !== depth) return null;
  const root = calls.slice(0, at);
  const blocks = [];
  while (at < calls.length && calls[at][0] === 'save') {
    const from = at;
    let open = 0;
    do {
      const name = calls[at][0];
      if (name === 'save') open++;
      else if (name === 'restore') open--;
      at++;
    } while (open > 0 && at < calls.length);
    if (open !== 0) return { root, blocks: null };
    blocks.push(calls.slice(from, at));
  }
  const closing = calls.length - at;
  if (closing !== depth || calls.slice(at).some(([name]) => name !== 'restore')) return { root, blocks: null };
  return { root, blocks };
}

/** Keeps each path's block by its key (the block's fill call checked and marked), with the root's part. */
function keepPaths({ root, blocks }, paths, known) {
  if (known && !sameCalls(known.root, root)) return null;
  const kept = known ?? { root, paths: new Map() };
  const found = [];
  for (let i = 0; i < paths.length; i++) {
    const hexFill = hexFillOf(paths[i]);
    let fillAt = -1;
    if (hexFill) {
      const rgb = rgbOf(hexFill);
      const fills = [];
      blocks[i].forEach(([name], j) => name === 'fillColor' && fills.push(j));
      const args = fills.length === 1 ? blocks[i][fills[0]][1] : null;
      if (!args || args.length !== 2 || args[1] !== 1 || !Array.isArray(args[0]) || args[0].length !== 3 || args[0].some((value, j) => value !== rgb[j])) return null;
      fillAt = fills[0];
    }
    found.push([pathKey(paths[i], hexFill), { calls: blocks[i], fillAt }]);
  }
  for (const [key, drawing] of found) {
    kept.paths.delete(key);
    kept.paths.set(key, drawing);
    if (kept.paths.size > SVG_PATHS_KEPT) kept.paths.delete(kept.paths.keys().next().value);
  }
  return kept;
}

/** The calls of a plain SVG's drawing from its root's and its paths' kept calls, or null when a path is not kept. */
function assembleFromPaths(kept, paths) {
  if (!kept) return null;
  const calls = [...kept.root];
  let depth = 0;
  for (const [name] of kept.root) if (name === 'save') depth++;
  for (const attributes of paths) {
    const hexFill = hexFillOf(attributes);
    const drawing = kept.paths.get(pathKey(attributes, hexFill));
    if (!drawing) return null;
    for (let j = 0; j < drawing.calls.length; j++) calls.push(j === drawing.fillAt ? ['fillColor', [rgbOf(hexFill), 1]] : drawing.calls[j]);
  }
  for (let i = 0; i < depth; i++) calls.push(['restore', []]);
  return calls;
}

/** Two lists of calls with the same names and arguments (numbers, strings, arrays and plain objects of them). */
function sameCalls(a, b) {
  return a.length === b.length && a.every(([name, args], i) => name === b[i][0] && JSON.stringify(args) === JSON.stringify(b[i][1]));
}

/** The document behind a proxy that records the methods called on it from outside, with their arguments. */
function recordDocumentCalls(document) {
  const recording = { proxy: null, calls: [], plain: true };
  const wrapped = new Map();
  recording.proxy = new Proxy(document, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== 'function') {
        if (name !== '_fillColor') recording.plain = false;
        return value;
      }
      if (typeof name !== 'string' || name === 'constructor') {
        recording.plain = false;
        return value;
      }
      let method = wrapped.get(name);
      if (!method) {
        method = (...args) => {
          recording.calls.push([name, args]);
          const result = value.apply(target, args);
          if (result === target) return recording.proxy;
          if (result !== undefined) recording.plain = false;
          return result;
        };
        wrapped.set(name, method);
      }
      return method;
    },
    set(target, name, value) {
      if (name !== '_fillColor') recording.plain = false;
      target[name] = value;
      return true;
    },
  });
  return recording;
}

/** SVG texts measured lately: each one's size and its re-serialised forms, by the size written into it. */
const SVG_MEASURES_KEPT = 8;
const svgMeasures = new Map();

/**
 * pdfmake parses an SVG's text twice while laying it out, for every letter: once to read its size (measureSVG),
 * once more to write the size it is drawn at into it and serialise it again (writeDimensions); the map's text is
 * 22 KB. Both answers are functions of the text alone (and of the size written), so they are kept by text, and the
 * same map or chart as a recent letter's is not parsed at all. A text seen for the first time is measured and
 * written by pdfmake itself; one that fails to parse throws as before and is not kept. Only strings are kept (an
 * SVG element of a page's DOM is measured as before). The size is handed out as a new object each time, as pdfmake
 * makes one.
 *
 * A flat SVG (the map and the chart: a root and elements without children, readFlatSvg) seen for the first time
 * is not parsed whole either: its size comes from the root's attributes alone (measureSVG reads nothing else, and a
 * text readFlatSvg accepts is well-formed XML, so the whole text would have parsed too), and its elements are
 * written back as xmldoc writes them (writePlainDimensions). A test compares both with pdfmake's own on shadings of
 * the map, charts and odd SVGs.
 */
function measureSvgsOnce(svgMeasurePrototype) {
  if (svgMeasurePrototype.measureSVG.keptByText) return;
  const { measureSVG, writeDimensions } = svgMeasurePrototype;
  const entryOf = (svg) => {
    const entry = svgMeasures.get(svg);
    if (entry) {
      svgMeasures.delete(svg);
      svgMeasures.set(svg, entry);
    }
    return entry;
  };
  const measured = function measureSvgKept(svg) {
    if (typeof svg !== 'string') return measureSVG.call(this, svg);
    const kept = entryOf(svg);
    if (kept) return { width: kept.size.width, height: kept.size.height };
    const readable = readFlatSvg(svg);
    const size = measureSVG.call(this, readable ? `${readable.rootTag}</svg>` : svg);
    svgMeasures.set(svg, { size: { width: size.width, height: size.height }, written: new Map(), plain: readable });
    if (svgMeasures.size > SVG_MEASURES_KEPT) svgMeasures.delete(svgMeasures.keys().next().value);
    return size;
  };
  measured.keptByText = true;
  svgMeasurePrototype.measureSVG = measured;
  svgMeasurePrototype.writeDimensions = function writeDimensionsKept(svg, dimensions) {
    if (typeof svg !== 'string') return writeDimensions.call(this, svg, dimensions);
    // Written into the text as `"" + width`: the key is the two numbers as they will be written.
    const key = `${dimensions.width} ${dimensions.height}`;
    const entry = entryOf(svg);
    const kept = entry?.written.get(key);
    if (kept !== undefined) return kept;
    const written = entry?.plain ? writePlainDimensions(this, entry.plain, dimensions) ?? writeDimensions.call(this, svg, dimensions) : writeDimensions.call(this, svg, dimensions);
    if (entry && typeof written === 'string') {
      // An SVG is drawn at one size or two; a text drawn at many keeps only its latest few.
      if (entry.written.size >= 4) entry.written.delete(entry.written.keys().next().value);
      entry.written.set(key, written);
    }
    return written;
  };
  /**
   * writeDimensions of a flat SVG without parsing its elements: pdfmake's own writeDimensions of the root alone (an
   * empty `<svg …/>`, the size and viewBox written into its attributes as for the whole text), then each element as
   * xmldoc writes it — indented by two spaces, its attributes in their order, each value escaped, then `/>` for an
   * empty one or its text escaped (and trimmed, which a flat SVG's text already is) and its end tag, and a line
   * break — and `</svg>`. Null if the root did not come back as an empty element.
   */
  const writePlainDimensions = (measurer, plain, dimensions) => {
    const root = writeDimensions.call(measurer, `${plain.rootTag}</svg>`, dimensions);
    if (typeof root !== 'string' || !root.endsWith('/>')) return null;
    let text = `${root.slice(0, -2)}>\n`;
    for (const element of plain.elements) {
      text += `  <${element.name}`;
      for (const [name, value] of element.attributes) text += ` ${name}="${xmldocEscape(value)}"`;
      text += element.content === null ? '/>\n' : `>${xmldocEscape(element.content)}</${element.name}>\n`;
    }
    return `${text}</svg>`;
  };
}

/** Font programs encoded lately, per parsed font, by the glyphs they hold in order. */
const ENCODED_SUBSETS_KEPT = 16;
const encodedSubsets = new WeakMap();

/**
 * A letter embeds, per face, a font program holding just the glyphs it prints (a subset, rebuilt from the parsed
 * font for every document). Two letters of one study mostly print the same glyphs in the same order of first use,
 * and then the subset's bytes are the same: a function of the font and that list alone. So the bytes of the last
 * few subsets are kept by that list, and a subset with a kept list is written with them. Its glyph list is read
 * before encoding (encoding adds the parts of composite glyphs to it; nothing reads the list afterwards).
 */
function keepEncodedSubsets(subsetPrototype) {
  if (subsetPrototype.encode.keptByGlyphs) return;
  const encode = subsetPrototype.encode;
  const keptEncode = function keptEncode(...args) {
    if (!Array.isArray(this.glyphs) || !this.font || args.length > 0) return encode.apply(this, args);
    const key = this.glyphs.join(',');
    let kept = encodedSubsets.get(this.font);
    if (!kept) encodedSubsets.set(this.font, (kept = new Map()));
    const hit = kept.get(key);
    if (hit) {
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const bytes = encode.apply(this, args);
    kept.set(key, bytes);
    if (kept.size > ENCODED_SUBSETS_KEPT) kept.delete(kept.keys().next().value);
    return bytes;
  };
  keptEncode.keptByGlyphs = true;
  subsetPrototype.encode = keptEncode;
}

/** What pdfkit's `doc.font(fileBytes)` does for a new font file, with the font already parsed. */
function embedFace(doc, face) {
  const id = `F${++doc._fontCount}`;
  const embedded = new face.EmbeddedFont(doc, face.font, id);
  if (embedded.layoutCache && face.layoutCache) embedded.layoutCache = face.layoutCache;
  doc._fontSource = face.font.stream?.buffer;
  doc._fontFamily = undefined;
  const sameName = doc._fontFamilies[embedded.name];
  if (sameName && sameName.font === face.font) {
    doc._font = sameName;
    return sameName;
  }
  doc._font = embedded;
  if (embedded.name && !sameName) doc._fontFamilies[embedded.name] = embedded;
  if (!embedded.name || doc._fontFamilies[embedded.name] !== embedded) doc._fontFamilies[embedded.id] = embedded;
  return embedded;
}

/** Line breaks, tabs and other control characters are layout, not glyphs. */
const isLayoutCharacter = (codePoint) => codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || codePoint === 0xad || codePoint === 0x200b;

/** The text of an SVG's text nodes (what svg-to-pdfkit draws with the letter's font), entities decoded. */
function svgTexts(svg) {
  const texts = [];
  for (const match of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = match[1].replace(/<[^>]*>/g, '');
    texts.push(
      inner.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (entity, body) => {
        const lower = body.toLowerCase();
        if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
        if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
        return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
      }),
    );
  }
  return texts;
}

/** Every text a document definition prints: strings under `text`, table cells, lists, headers, SVG text. */
function printedTexts(docDefinition) {
  const texts = [];
  const seen = new Set();
  const visit = (node, key) => {
    if (node === null || node === undefined) return;
    if (typeof node === 'string') {
      if (key === 'svg') texts.push(...svgTexts(node));
      else if (key === 'text' || key === 'item') texts.push(node);
      return;
    }
    if (typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      // Inside content, a bare string is printed text (a paragraph, a cell, a list item, an inline run).
      for (const item of node) visit(item, key === 'svg' ? 'svg' : 'item');
      return;
    }
    for (const [name, value] of Object.entries(node)) {
      if (name === 'images' || name === 'info' || name === 'styles' || name === 'defaultStyle' || name === 'pageMargins' || name === 'widths' || name === 'heights') continue;
      if (typeof value === 'string') {
        if (name === 'text' || name === 'svg') visit(value, name);
        continue;
      }
      visit(value, name === 'svg' ? 'svg' : name === 'text' ? 'item' : name);
    }
  };
  visit(docDefinition.content, 'item');
  for (const part of ['header', 'footer', 'background']) {
    const value = docDefinition[part];
    if (typeof value === 'function') {
      // Running headers and footers are functions of the page; their text is the same on every page but the numbers.
      for (const page of [1, 2]) visit(value(page, 2, { width: 595.28, height: 841.89 }), 'item');
    } else visit(value, 'item');
  }
  return texts;
}

const drawableByFaces = new WeakMap();
const DRAWABLE_TEXTS_KEPT = 4096;

/** The characters of a document that none of its fonts' faces can draw, each with the text it stands in. */
function missingGlyphs(docDefinition, faces) {
  const fonts = [...faces.values()].map((face) => face.font);
  // Characters every face can draw, kept per set of faces: asking the fonts' character maps for every character
  // of every letter again costs more than the rest of this check.
  // And whole texts every face can draw (most of a letter's texts are the previous letter's): such a text adds
  // nothing to the missing characters, so it is not read character by character again.
  let drawable = drawableByFaces.get(faces);
  if (!drawable || drawable.faceCount !== faces.size) drawableByFaces.set(faces, (drawable = { faceCount: faces.size, codePoints: new Set(), texts: new Set() }));
  const missing = new Map();
  for (const text of printedTexts(docDefinition)) {
    if (drawable.texts.has(text)) continue;
    let everyOneDrawable = true;
    for (const character of text) {
      const codePoint = character.codePointAt(0);
      if (drawable.codePoints.has(codePoint) || isLayoutCharacter(codePoint)) continue;
      if (missing.has(character)) {
        everyOneDrawable = false;
        continue;
      }
      if (fonts.every((font) => font.hasGlyphForCodePoint(codePoint))) {
        drawable.codePoints.add(codePoint);
        continue;
      }
      everyOneDrawable = false;
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      missing.set(character, { character, codePoint: `U+${hex}`, text: text.length > 80 ? `${text.slice(0, 77)}…` : text });
    }
    if (everyOneDrawable) {
      if (drawable.texts.size >= DRAWABLE_TEXTS_KEPT) drawable.texts.clear();
      drawable.texts.add(text);
    }
  }
  return [...missing.values()];
}

/** A small page in every face of the font (and `content`): laying it out compiles the code paths a letter takes. */
function warmPage(content) {
  const sample = 'Antal 0123456789 åäö ÅÄÖ é – 12,5 %';
  return {
    content: [
      { text: sample, fontSize: 11 },
      { text: sample, bold: true },
      { text: sample, italics: true },
      { text: sample, bold: true, italics: true },
      { table: { body: [[sample, { text: '1 234', alignment: 'right' }]] } },
      ...content,
    ],
  };
}

const engine = createPdfEngine();

/**
 * Renders a document definition to PDF bytes. Throws LetterGlyphError, before laying anything out, when a
 * printed character is not in the font (it would silently vanish from the letter).
 */
export function renderPdfBytes(docDefinition) {
  return engine.render(docDefinition);
}

/**
 * Loads the engine and lays out a small page in every face of the font with `content`, so the code paths a letter
 * takes are loaded and compiled before the first letter is asked for (a worker calls this at start, while the user
 * still works), and shapes `texts` (the words every letter prints) in every face. The page is thrown away; nothing
 * about later letters' bytes depends on it (shaping a word gives the same glyphs whenever it is done).
 */
export function warmPdfEngine(texts, content) {
  return engine.warm(texts, content);
}
