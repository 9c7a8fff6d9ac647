// A letter carries the audit head of its snapshot: printed in the provenance list, and in the PDF's document
// information, where poppler's pdfinfo (an independent PDF reader) finds it and readLetterAuditAnchor reads it back.
// A letter without a head (the CLI, the demo) stays exactly as before.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditHead } from '../../../shared/audit/chain';
import { DISCLOSURE_PRESETS } from '../../../shared/disclosure';
import { renderLetterPdf } from '../../../shared/letter';
import { readLetterAuditAnchor } from '../../../shared/letter/read-anchor';
import { demoSnapshot } from './helpers';

const HEAD: AuditHead = { seq: 1234, hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' };
const hasPoppler = existsSync('/usr/bin/pdfinfo') || existsSync('/usr/local/bin/pdfinfo');

/** The demo letter without a request, under OHDSI's policy, anchored at `auditHead` when given. */
const snapshot = (auditHead?: AuditHead) => demoSnapshot('sv', { policy: DISCLOSURE_PRESETS.ohdsi, request: null, ...(auditHead ? { auditHead } : {}) });

function withPdf<T>(bytes: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'antal-anchor-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the audit anchor in a letter', () => {
  it('is part of the snapshot\'s content, so it changes the content hash the letter prints', () => {
    expect(snapshot(HEAD).auditHead).toEqual(HEAD);
    expect(snapshot(HEAD).contentHash).not.toBe(snapshot().contentHash);
    expect(snapshot()).not.toHaveProperty('auditHead');
    expect(() => snapshot({ seq: 0, hash: HEAD.hash })).toThrow(/auditHead must be/);
  });

  it.skipIf(!hasPoppler)('is in the PDF\'s document information (pdfinfo reads it) and printed in the text, and reads back', async () => {
    const bytes = await renderLetterPdf(snapshot(HEAD));
    withPdf(bytes, (file) => {
      const info = execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`^AntalAuditHead:\\s+1234 ${HEAD.hash}$`, 'm'));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(`Granskningsloggen när svaret frystes: post 1234, SHA-256 ${HEAD.hash}.`);
    });
    expect(readLetterAuditAnchor(bytes)).toEqual({ status: 'anchored', head: HEAD });
  }, 120_000);

  it.skipIf(!hasPoppler)('a letter without a head has neither, and reads back as carrying none', async () => {
    const bytes = await renderLetterPdf(snapshot());
    withPdf(bytes, (file) => expect(execFileSync('pdfinfo', ['-custom', file], { encoding: 'utf8' })).not.toContain('AntalAuditHead'));
    expect(readLetterAuditAnchor(bytes)).toEqual({ status: 'none' });
  }, 120_000);

  it('reads an inline entry too, takes the last one (incremental updates), and names a malformed one', () => {
    const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);
    expect(readLetterAuditAnchor(pdf(`1 0 obj << /AntalAuditHead (7 ${HEAD.hash}) >> endobj`))).toEqual({ status: 'anchored', head: { seq: 7, hash: HEAD.hash } });
    expect(readLetterAuditAnchor(pdf(`1 0 obj << /AntalAuditHead (7 ${HEAD.hash}) >> endobj\n2 0 obj << /AntalAuditHead (8 ${HEAD.hash}) >> endobj`))).toEqual({ status: 'anchored', head: { seq: 8, hash: HEAD.hash } });
    expect(readLetterAuditAnchor(pdf('1 0 obj << /AntalAuditHead (sju) >> endobj'))).toEqual({ status: 'malformed', raw: 'sju' });
  });
});
