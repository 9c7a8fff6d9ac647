/**
 * The letter model laid out as a pdfmake document definition: A4, Roboto (embedded, covers å ä ö é ü),
 * letterhead, references, recipient, subject, the body blocks, a signature block, and on every page the
 * confidentiality marking, page numbers, the answer's content hash and the disclosure policy.
 *
 * The types here are the subset of pdfmake's definition this letter uses, written out so that shared/ does not
 * compile against @types/pdfmake (which pulls in DOM and Node types). The PDF's metadata comes from the model
 * (creation date = the snapshot's createdAt), never from the clock.
 */
import { decodeUtf8Strict } from '../import/utf8-strict';
import type { LetterBlock, LetterModel } from './model';
import { LOCALES } from '../text/language';
import { fill } from '../text/template';

export type PdfContent = string | PdfNode | PdfContent[];

export interface PdfNode {
  [key: string]: unknown;
}

export interface PdfDocDefinition {
  pageSize: 'A4';
  pageOrientation: 'portrait';
  pageMargins: [number, number, number, number];
  /** `AntalAuditHead`: a custom entry of the PDF's document information (see LETTER_AUDIT_ANCHOR_KEY). */
  info: { title: string; author: string; subject: string; keywords: string; creator: string; producer: string; creationDate: Date; modDate: Date; AntalAuditHead?: string };
  language: string;
  header: (currentPage: number, pageCount: number) => PdfContent;
  footer: (currentPage: number, pageCount: number) => PdfContent;
  pageBreakBefore: (currentNode: PdfNode, followingNodesOnPage: readonly unknown[]) => boolean;
  content: PdfContent[];
  styles: Record<string, PdfNode>;
  defaultStyle: PdfNode;
}

export const LETTER_PRODUCER = 'Antal';

const COLOURS = { text: '#1a1a1a', muted: '#555555', rule: '#999999', notice: '#8a1c1c', head: '#e8eef5' } as const;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

/** The SVG markup of an SVG data URL (base64 or percent-encoded), or null when it is not readable. */
export function svgFromDataUrl(dataUrl: string): string | null {
  const match = /^data:image\/svg\+xml(;[^,]*)?,(.*)$/s.exec(dataUrl);
  if (!match) return null;
  if (match[1]?.includes(';base64')) {
    const decoded = decodeUtf8Strict(decodeBase64(match[2]!));
    return 'text' in decoded ? decoded.text : null;
  }
  try {
    return decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
}

function logoNode(logo: LetterModel['letterhead']['logo']): PdfNode | null {
  if (!logo) return null;
  if (logo.mediaType === 'image/png') return { image: logo.dataUrl, fit: [140, 56], margin: [0, 0, 0, 6] };
  const svg = svgFromDataUrl(logo.dataUrl);
  return svg ? { svg, fit: [140, 56], margin: [0, 0, 0, 6] } : null;
}

function blockNode(block: LetterBlock): PdfContent {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: 'heading', headlineLevel: 1 };
    case 'paragraph':
      return { text: block.text, style: block.emphasis === 'notice' ? 'notice' : block.emphasis === 'strong' ? 'strong' : 'paragraph' };
    case 'list':
      return { ul: block.items.map((item) => ({ text: item, margin: [0, 0, 0, 2] })), style: 'paragraph' };
    case 'facts':
      return {
        table: { widths: [170, '*'], body: block.rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) },
        layout: 'noBorders',
        style: 'paragraph',
      };
    case 'table': {
      const cell = (text: string, column: number, style?: string): PdfNode => ({ text, alignment: column >= block.numericFrom ? 'right' : 'left', ...(style ? { style } : {}) });
      const body = [
        block.head.map((h, i) => cell(h, i, 'tableHead')),
        ...block.rows.map((row) => row.map((v, i) => cell(v, i))),
        ...(block.footRows ?? []).map((row) => row.map((v, i) => cell(v, i, 'strong'))),
      ];
      const widths = block.head.map((_, i) => (i < block.numericFrom ? '*' : 'auto'));
      return {
        stack: [
          { text: block.caption, style: 'caption' },
          { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: 'lightHorizontalLines', fontSize: 9 },
        ],
        style: 'paragraph',
      };
    }
    case 'svg':
      return { stack: [{ svg: block.svg, width: block.width }, { text: block.caption, style: 'caption' }], style: 'paragraph', unbreakable: true };
  }
}

function letterheadNodes(model: LetterModel): PdfContent[] {
  const logo = logoNode(model.letterhead.logo);
  const unit: PdfContent[] = [];
  if (logo) unit.push(logo);
  if (model.letterhead.unitName) unit.push({ text: model.letterhead.unitName, style: 'unitName' });
  for (const line of model.letterhead.addressLines) unit.push({ text: line, style: 'muted' });
  const references = {
    table: { widths: ['auto', 'auto'], body: model.references.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]) },
    layout: 'noBorders',
  };
  return [{ columns: [{ stack: unit, width: '*' }, { stack: [references], width: 'auto' }], columnGap: 16, margin: [0, 0, 0, 24] }];
}

function signatureNode(model: LetterModel): PdfNode {
  const { closing, name, title, unit } = model.signature;
  return {
    stack: [
      { text: closing, margin: [0, 18, 0, 36] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.5, lineColor: COLOURS.rule }] },
      ...[name, title, unit].filter((l) => l.trim() !== '').map((text, i) => ({ text, style: i === 0 ? 'strong' : 'muted' })),
    ],
    unbreakable: true,
  };
}

/**
 * The PDF document-information entry that carries the audit anchor ("seq hash", ASCII), so that `antal verify`
 * can read it from the letter alone; the same anchor is printed in the letter's provenance list.
 */
export const LETTER_AUDIT_ANCHOR_KEY = 'AntalAuditHead';

export function letterDocument(model: LetterModel): PdfDocDefinition {
  const created = new Date(model.meta.creationDate);
  const marking = model.confidentiality;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [56, 56, 56, 72],
    info: {
      title: model.meta.title,
      author: model.meta.author,
      subject: model.meta.subject,
      keywords: model.meta.keywords,
      creator: LETTER_PRODUCER,
      producer: LETTER_PRODUCER,
      creationDate: created,
      modDate: created,
      ...(model.meta.auditAnchor ? { [LETTER_AUDIT_ANCHOR_KEY]: model.meta.auditAnchor } : {}),
    },
    language: LOCALES[model.language],
    header: () => (marking ? { text: marking.toUpperCase(), style: 'marking', alignment: 'right', margin: [56, 24, 56, 0] } : ''),
    footer: (currentPage, pageCount) => ({
      margin: [56, 8, 56, 0],
      stack: [
        {
          columns: [
            { text: model.footer.policy, style: 'footer', width: '*' },
            { text: fill(model.pageTemplate, { page: String(currentPage), pages: String(pageCount) }), style: 'footer', alignment: 'right', width: 'auto' },
          ],
        },
        { text: model.footer.hash, style: 'footer' },
        ...(marking ? [{ text: marking, style: 'footer' }] : []),
      ],
    }),
    // A heading never ends a page: it moves to the next page with the section it introduces.
    pageBreakBefore: (node, following) => node.headlineLevel === 1 && following.length === 0,
    content: [
      ...letterheadNodes(model),
      ...(model.recipient.length > 0 ? [{ stack: model.recipient.map((text) => ({ text })), margin: [0, 0, 0, 18] }] : []),
      { text: model.subject, style: 'subject' },
      ...model.body.map(blockNode),
      signatureNode(model),
    ],
    styles: {
      unitName: { fontSize: 13, bold: true },
      subject: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
      heading: { fontSize: 11.5, bold: true, margin: [0, 12, 0, 4] },
      paragraph: { margin: [0, 0, 0, 6] },
      strong: { bold: true, margin: [0, 0, 0, 4] },
      notice: { bold: true, color: COLOURS.notice, margin: [0, 0, 0, 8] },
      label: { color: COLOURS.muted },
      muted: { color: COLOURS.muted },
      caption: { fontSize: 8.5, italics: true, color: COLOURS.muted, margin: [0, 2, 0, 3] },
      tableHead: { bold: true, fillColor: COLOURS.head },
      marking: { fontSize: 8, bold: true, color: COLOURS.notice },
      footer: { fontSize: 7, color: COLOURS.muted },
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: COLOURS.text },
  };
}
