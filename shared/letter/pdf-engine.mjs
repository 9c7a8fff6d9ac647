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

let engine = null;

async function loadEngine() {
  const [pdfmakeModule, vfsModule] = await Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);
  const pdfMake = pdfmakeModule.default ?? pdfmakeModule;
  const vfs = vfsModule.default ?? vfsModule;
  pdfMake.addVirtualFileSystem(vfs);
  pdfMake.setFonts(FONTS);
  // A letter never fetches anything: images arrive as data URLs, fonts from the virtual file system.
  pdfMake.setUrlAccessPolicy(() => false);
  return pdfMake;
}

export async function renderPdfBytes(docDefinition) {
  engine ??= loadEngine();
  const pdfMake = await engine;
  const buffer = await pdfMake.createPdf(docDefinition).getBuffer();
  // A plain Uint8Array copy (the engine answers with its own Buffer polyfill).
  return Uint8Array.from(buffer);
}

/**
 * Loads the engine and lays out a small page in every face of the font, so the code paths a letter takes are loaded
 * and compiled before the first letter is asked for (a worker calls this at start, while the user still works).
 * The page is thrown away; nothing about later letters depends on it.
 */
export async function warmPdfEngine() {
  engine ??= loadEngine();
  const pdfMake = await engine;
  const sample = 'Antal 0123456789 åäö ÅÄÖ é – 12,5 %';
  await pdfMake
    .createPdf({
      content: [
        { text: sample, fontSize: 11 },
        { text: sample, bold: true },
        { text: sample, italics: true },
        { text: sample, bold: true, italics: true },
        { table: { body: [[sample, { text: '1 234', alignment: 'right' }]] } },
      ],
    })
    .getBuffer();
}
