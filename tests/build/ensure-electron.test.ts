/**
 * `npm start`'s pre-step (build/ensure-electron.mjs): what it decides for each environment, with the environment,
 * file system and installer injected (no Electron binary can be downloaded here), plus one run through a real
 * child process standing in for Electron's installer, and the package.json wiring that makes npm run it.
 *
 * Facts about Electron 45 these tests rely on, read from the installed packages: its package.json has no install
 * script and requires Node >= 22.12 ("engines"); install.js skips work when dist/version and path.txt match;
 * @electron/get reads ELECTRON_MIRROR / npm_config_electron_mirror and installs undici's proxy agent when
 * ELECTRON_GET_USE_PROXY is set; install.js prints only the error's stack ("TypeError: fetch failed") when offline.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decideBeforeStart,
  describeInstallFailure,
  electronInstalled,
  electronSource,
  ensureElectron,
  installerEnvironment,
  isAtLeast,
  runInstaller,
  type InstallerResult,
} from '../../build/ensure-electron.mjs';

const repo = path.resolve(__dirname, '../..');
const VERSION = '45.6.1';
const base = { electronVersion: VERSION, platform: 'linux', arch: 'x64' };

/** What Electron's install.js printed when this machine (no network) tried to download (captured from a real run). */
const OFFLINE_STDERR = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async FetchDownloader.download (file:///work/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
    at async file:///work/node_modules/@electron/get/dist/index.js:158:9
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'antal-ensure-electron-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const realFs = { readText: (file: string) => readFileSync(file, 'utf8'), exists: existsSync };

/** node_modules/electron as install.js leaves it after a successful install (or not). */
async function electronPackage(options: { installed: boolean; version?: string; pathTxt?: string }) {
  const electronDir = path.join(dir, 'electron');
  await mkdir(path.join(electronDir, 'dist'), { recursive: true });
  if (options.installed) {
    await writeFile(path.join(electronDir, 'dist', 'version'), `v${options.version ?? VERSION}`);
    await writeFile(path.join(electronDir, 'path.txt'), options.pathTxt ?? 'electron');
    await writeFile(path.join(electronDir, 'dist', 'electron'), '#!/bin/sh\n');
  }
  return electronDir;
}

describe('decideBeforeStart', () => {
  it('stops on a Node older than Electron 45 needs, with one sentence naming both versions and what still works', () => {
    const decision = decideBeforeStart({ ...base, nodeVersion: '20.20.2', env: {}, installed: true });
    expect(decision.action).toBe('fail');
    const message = (decision as { message: string }).message;
    expect(message).toBe(
      "Antal's desktop app needs Node.js 22.12.0 or newer (Electron 45.6.1 requires it) but this is Node.js 20.20.2: install a current Node.js LTS from https://nodejs.org and run npm start again (the tests, the web build and the CLI also work on Node.js 20.19 or newer).",
    );
    expect(message.split(/[.:;] (?=[A-Z])/).length, 'one sentence').toBe(1);
    expect(decideBeforeStart({ ...base, nodeVersion: 'v22.11.9', env: {}, installed: true }).action).toBe('fail');
    expect(decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: {}, installed: true }).action).toBe('ready');
    expect(decideBeforeStart({ ...base, nodeVersion: '24.3.0', env: {}, installed: true }).action).toBe('ready');
  });

  it('starts at once when Electron is installed, or when ELECTRON_EXEC_PATH names the binary (electron-vite uses it)', () => {
    expect(decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: {}, installed: true })).toEqual({ action: 'ready' });
    expect(decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: { ELECTRON_EXEC_PATH: '/opt/electron/electron' }, installed: false }).action).toBe('ready');
  });

  it('honours ELECTRON_SKIP_BINARY_DOWNLOAD (CI sets it): nothing is downloaded, and it says how to start', () => {
    const decision = decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, installed: false });
    expect(decision).toEqual({
      action: 'fail',
      message: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded: unset ELECTRON_SKIP_BINARY_DOWNLOAD and run npm start again (it downloads Electron 45.6.1 once, about 100 MB).",
    });
    // Installed already: the variable does not stand in the way.
    expect(decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, installed: true }).action).toBe('ready');
  });

  it('otherwise runs the installer, saying what it downloads and from where (the mirror when one is set)', () => {
    expect(decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: {}, installed: false })).toMatchObject({
      action: 'install',
      announcement: 'Downloading Electron 45.6.1 for linux-x64 (about 100 MB, only this once) from https://github.com/electron/electron/releases/download/ …',
    });
    const mirrored = decideBeforeStart({ ...base, nodeVersion: '22.12.0', env: { ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' }, installed: false });
    expect(mirrored).toMatchObject({ action: 'install', env: { ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' } });
    expect((mirrored as { announcement: string }).announcement).toContain('from https://npmmirror.com/mirrors/electron/');
  });
});

describe('the installer\'s environment', () => {
  it('reads the mirror where @electron/get does: npm\'s electron_mirror setting first, then ELECTRON_MIRROR', () => {
    expect(electronSource({})).toBe('https://github.com/electron/electron/releases/download/');
    expect(electronSource({ ELECTRON_MIRROR: 'https://mirror.example/e/' })).toBe('https://mirror.example/e/');
    expect(electronSource({ ELECTRON_MIRROR: 'https://b.example/', npm_config_electron_mirror: 'https://a.example/' })).toBe('https://a.example/');
  });

  it('switches on proxy support when a proxy is configured, also through npm\'s own https-proxy setting', () => {
    expect(installerEnvironment({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin' });
    expect(installerEnvironment({ HTTPS_PROXY: 'http://proxy.region.se:8080' })).toEqual({
      HTTPS_PROXY: 'http://proxy.region.se:8080',
      ELECTRON_GET_USE_PROXY: '1',
      NODE_USE_ENV_PROXY: '1',
    });
    expect(installerEnvironment({ npm_config_https_proxy: 'http://proxy.region.se:8080', npm_config_noproxy: 'localhost' })).toMatchObject({
      HTTPS_PROXY: 'http://proxy.region.se:8080',
      NO_PROXY: 'localhost',
      ELECTRON_GET_USE_PROXY: '1',
      NODE_USE_ENV_PROXY: '1',
    });
    // A proxy the user set wins over npm's.
    expect(installerEnvironment({ https_proxy: 'http://mine:3128', npm_config_https_proxy: 'http://npm:8080' })).not.toHaveProperty('HTTPS_PROXY');
  });

  it('leaves undici loadable for @electron/get, so ELECTRON_GET_USE_PROXY really installs the proxy agent', async () => {
    const { createRequire } = await import('node:module');
    const fromElectronGet = createRequire(path.join(repo, 'node_modules/@electron/get/dist/proxy.js'));
    expect(() => fromElectronGet.resolve('undici')).not.toThrow();
  });
});

describe('describeInstallFailure', () => {
  it('offline: one sentence with the cause, where from, and what to do (including the browser build meanwhile)', () => {
    expect(describeInstallFailure(OFFLINE_STDERR, { ...base, env: {} })).toBe(
      'Electron 45.6.1 could not be downloaded from https://github.com/electron/electron/releases/download/ (TypeError: fetch failed): connect to the internet (behind a proxy set HTTPS_PROXY, or set ELECTRON_MIRROR to a mirror you can reach) and run npm start again; until then `npm run web` runs the same app in your browser.',
    );
  });

  it('a mirror without this version, a damaged download and anything else each get their own advice', () => {
    expect(describeInstallFailure('HTTPError: Response code 404 (Not Found) for https://mirror.example/e/v45.6.1/electron-v45.6.1-linux-x64.zip', { ...base, env: { ELECTRON_MIRROR: 'https://mirror.example/e/' } })).toBe(
      'Electron 45.6.1 could not be downloaded from https://mirror.example/e/ (HTTP 404: it has no electron-v45.6.1-linux-x64.zip): check ELECTRON_MIRROR (or unset it to download from GitHub) and run npm start again.',
    );
    expect(describeInstallFailure('Error: Generated checksum for "electron-v45.6.1-linux-x64.zip" did not match expected checksum.', { ...base, env: {} })).toMatch(/^The downloaded Electron 45\.6\.1 does not match its published checksum/);
    expect(describeInstallFailure('Error: EACCES: permission denied, open node_modules/electron/path.txt', { ...base, env: {} })).toBe(
      'Electron 45.6.1 could not be installed (Error: EACCES: permission denied, open node_modules/electron/path.txt): delete the folder node_modules/electron, run npm install, and run npm start again.',
    );
  });
});

describe('electronInstalled (the same test as Electron\'s install.js)', () => {
  it('needs dist/version of this version, path.txt for this platform and the executable', async () => {
    const installed = await electronPackage({ installed: true });
    expect(electronInstalled({ electronDir: installed, version: VERSION, platform: 'linux', env: {}, fs: realFs })).toBe(true);
    expect(electronInstalled({ electronDir: installed, version: '45.4.1', platform: 'linux', env: {}, fs: realFs }), 'an older binary after an upgrade').toBe(false);
    expect(electronInstalled({ electronDir: installed, version: VERSION, platform: 'win32', env: {}, fs: realFs }), 'another platform').toBe(false);
    await rm(path.join(installed, 'dist', 'electron'));
    expect(electronInstalled({ electronDir: installed, version: VERSION, platform: 'linux', env: {}, fs: realFs }), 'executable gone').toBe(false);
  });

  it('is false for a fresh npm install (no path.txt): exactly when electron-vite would stop with "Electron uninstall"', async () => {
    const fresh = await electronPackage({ installed: false });
    expect(electronInstalled({ electronDir: fresh, version: VERSION, platform: 'linux', env: {}, fs: realFs })).toBe(false);
  });
});

describe('ensureElectron', () => {
  const node22 = { ...base, nodeVersion: '22.12.0', fs: realFs };

  it('on a fresh machine runs Electron\'s install.js once and starts when it has installed the binary', async () => {
    const electronDir = await electronPackage({ installed: false });
    const printed: string[] = [];
    const calls: { script: string; env: Record<string, string | undefined> }[] = [];
    const code = await ensureElectron({
      ...node22,
      env: { ELECTRON_MIRROR: 'https://mirror.example/e/' },
      electronDir,
      install: async (script, env): Promise<InstallerResult> => {
        calls.push({ script, env });
        await writeFile(path.join(electronDir, 'dist', 'version'), VERSION);
        await writeFile(path.join(electronDir, 'path.txt'), 'electron');
        await writeFile(path.join(electronDir, 'dist', 'electron'), '');
        return { status: 0, stderr: '' };
      },
      print: (line) => printed.push(line),
      printError: (line) => printed.push(`ERROR ${line}`),
    });
    expect(code).toBe(0);
    expect(calls).toEqual([{ script: path.join(electronDir, 'install.js'), env: { ELECTRON_MIRROR: 'https://mirror.example/e/' } }]);
    expect(printed).toEqual(['Downloading Electron 45.6.1 for linux-x64 (about 100 MB, only this once) from https://mirror.example/e/ …', 'Electron 45.6.1 is installed.']);
  });

  it('offline: stops npm start with exactly one line, the sentence (not the installer\'s stack trace)', async () => {
    const electronDir = await electronPackage({ installed: false });
    const errors: string[] = [];
    const code = await ensureElectron({ ...node22, env: {}, electronDir, install: async () => ({ status: 1, stderr: OFFLINE_STDERR }), print: () => undefined, printError: (line) => errors.push(line) });
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Electron 45\.6\.1 could not be downloaded from .*\(TypeError: fetch failed\): connect to the internet/);
    expect(errors[0]).not.toContain('\n');
  });

  it('an installer that succeeds without installing anything is not taken at its word', async () => {
    const electronDir = await electronPackage({ installed: false });
    const errors: string[] = [];
    expect(await ensureElectron({ ...node22, env: {}, electronDir, install: async () => ({ status: 0, stderr: '' }), print: () => undefined, printError: (line) => errors.push(line) })).toBe(1);
    expect(errors[0]).toMatch(/^Electron's installer finished but node_modules\/electron has no Electron 45\.6\.1 for linux/);
  });

  it('never runs the installer when it is already installed, on an old Node, or with ELECTRON_SKIP_BINARY_DOWNLOAD', async () => {
    const installed = await electronPackage({ installed: true });
    const fresh = path.join(dir, 'fresh');
    await mkdir(fresh);
    let runs = 0;
    const install = async (): Promise<InstallerResult> => {
      runs += 1;
      return { status: 0, stderr: '' };
    };
    const quiet = { print: () => undefined, printError: () => undefined, install };
    expect(await ensureElectron({ ...node22, env: {}, electronDir: installed, ...quiet })).toBe(0);
    expect(await ensureElectron({ ...node22, nodeVersion: '20.19.0', env: {}, electronDir: fresh, ...quiet })).toBe(1);
    expect(await ensureElectron({ ...node22, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' }, electronDir: fresh, ...quiet })).toBe(1);
    expect(runs).toBe(0);
  });

  it('runInstaller runs a real child process with the given environment and collects what it wrote to stderr', async () => {
    const script = path.join(dir, 'install.js');
    await writeFile(script, `process.stderr.write(process.env.ELECTRON_MIRROR + '\\n' + ${JSON.stringify(OFFLINE_STDERR)}); process.exit(1);\n`);
    const result = await runInstaller(script, { ...process.env, ELECTRON_MIRROR: 'https://mirror.example/e/' });
    expect(result.status).toBe(1);
    expect(result.stderr.startsWith(`https://mirror.example/e/\n${OFFLINE_STDERR}`)).toBe(true);
  });
});

describe('package.json: where npm runs and checks it', () => {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    engines: Record<string, string>;
    devEngines?: { runtime?: { name: string; version: string; onFail: string } };
  };

  it('npm start runs the pre-step first; npm test, npm ci (no install scripts) and CI never do', () => {
    expect(pkg.scripts['prestart']).toBe('node build/ensure-electron.mjs');
    expect(pkg.scripts['start']).toBe('electron-vite preview');
    // `npm run dev` starts Electron the same way (electron-vite reads path.txt).
    expect(pkg.scripts['predev']).toBe('node build/ensure-electron.mjs');
    for (const name of ['preinstall', 'install', 'postinstall', 'prepare', 'pretest']) expect(pkg.scripts[name], name).toBeUndefined();
    expect(pkg.scripts['test']).not.toMatch(/\bstart\b/);
  });

  it('declares the desktop app\'s Node (22.12) in engines, where npm checks it on install, without engine-strict', async () => {
    // npm warns (EBADENGINE) when installing with an older Node, as it already does for Electron's own engines.
    // No .npmrc engine-strict: on Node 20 it would make `npm ci` refuse, and CI runs the tests, the web build and
    // the CLI on Node 20.19+ (they work there); Electron's own engines would make engine-strict refuse anyway.
    expect(pkg.engines['node']).toBe('>=22.12.0');
    expect(pkg.devEngines, 'devEngines would print a warning on every npm run on Node 20, CI included').toBeUndefined();
    const npmrc = await readFile(path.join(repo, '.npmrc'), 'utf8').catch(() => '');
    expect(npmrc).not.toMatch(/^\s*engine-strict\s*=\s*true/m);
  });

  it('the minimum matches what Electron itself declares', async () => {
    const electron = JSON.parse(await readFile(path.join(repo, 'node_modules/electron/package.json'), 'utf8')) as { engines: { node: string } };
    expect(electron.engines.node.replace(/\s/g, '')).toBe(pkg.engines['node']);
    expect(isAtLeast('22.12.0', '22.12.0') && !isAtLeast('22.11.99', '22.12.0') && isAtLeast('23.0.0', '22.12.0')).toBe(true);
  });
});
