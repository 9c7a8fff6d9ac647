/**
 * Hardening of the packaged app: each Electron fuse that matters for security is set in
 * build/electron-builder.config.ts, one assertion per fuse with the attack it closes, and nothing in the main process
 * depends on what the fuses switch off. (tests/packaging/electron-builder.test.ts checks that electron-builder
 * accepts the configuration and that the fuses end up flipped in a packaged binary.)
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuilderConfig } from '../../build/electron-builder.config';

const repo = path.resolve(__dirname, '../..');

// The same for a signed and an unsigned build: signing changes only the Windows signing options and names.
const config = createBuilderConfig({});
const fuses: Record<string, boolean | undefined> = { ...config.electronFuses };

describe('Electron fuses for production', () => {
  it('runAsNode is off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a general Node interpreter', () => {
    expect(fuses['runAsNode']).toBe(false);
  });

  it('NODE_OPTIONS is ignored: no code can be preloaded into the main process through the environment', () => {
    expect(fuses['enableNodeOptionsEnvironmentVariable']).toBe(false);
  });

  it('--inspect and the other Node CLI debugging arguments are ignored: nobody attaches a debugger to the main process', () => {
    expect(fuses['enableNodeCliInspectArguments']).toBe(false);
  });

  it('the embedded ASAR integrity is validated: a tampered app.asar is refused (macOS, Windows)', () => {
    expect(fuses['enableEmbeddedAsarIntegrityValidation']).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('the app is only loaded from app.asar: a loose app/ folder beside it is never run', () => {
    expect(fuses['onlyLoadAppFromAsar']).toBe(true);
  });

  it('cookies and other session data are encrypted at rest with the OS key store', () => {
    expect(fuses['enableCookieEncryption']).toBe(true);
  });

  it('file: pages get no extra privileges (the renderer is served from app://antal)', () => {
    expect(fuses['grantFileProtocolExtraPrivileges']).toBe(false);
  });

  it('no update feed is configured (no auto-update calls; clinics roll out versions themselves)', () => {
    expect(config.publish).toBeNull();
  });
});

async function sourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repo, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

describe('nothing depends on what the fuses switch off', () => {
  it('the main process and preload never start Node through the app binary, read NODE_OPTIONS or open an inspector', async () => {
    for (const file of await sourcesUnder('electron')) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/ELECTRON_RUN_AS_NODE|NODE_OPTIONS|child_process|\bfork\(|utilityProcess|node:inspector|['"]inspector['"]|--inspect/);
    }
  });

  it('no auto-updater and no telemetry or crash-reporting SDK is a dependency', async () => {
    const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(names.filter((n) => /updater|sentry|analytics|telemetry|bugsnag|posthog|mixpanel|segment|amplitude|datadog|newrelic|crashreport/i.test(n))).toEqual([]);
    for (const file of await sourcesUnder('electron')) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/autoUpdater|crashReporter/);
    }
  });
});
