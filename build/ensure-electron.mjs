#!/usr/bin/env node
// `npm start`'s pre-step (package.json "prestart"): makes sure Electron's binary is there before electron-vite
// starts it, and otherwise says in one sentence what to do.
//
// Why it is needed: Electron 45's npm package has no install script. Its binary (about 100 MB) is downloaded the
// first time `require('electron')` runs, but `electron-vite preview` never requires it: it reads
// node_modules/electron/path.txt and stops with "Electron uninstall" when that file is missing. So on a fresh
// machine `npm install && npm start` would fail. Here we run Electron's own installer (node_modules/electron/
// install.js, which uses @electron/get), so everything that installer honours works as documented:
// ELECTRON_MIRROR (and npm's electron_mirror setting), electron_config_cache, ELECTRON_CUSTOM_DIR, the checksums
// shipped in the package. For proxies we switch on what @electron/get and Node offer (ELECTRON_GET_USE_PROXY,
// NODE_USE_ENV_PROXY) whenever a proxy is configured, including npm's own https-proxy setting.
//
// `npm test`, `npm ci` and CI never run this (only `npm start` does), and ELECTRON_SKIP_BINARY_DOWNLOAD, which CI
// sets, is honoured: nothing is downloaded then.
//
// Written in plain JavaScript without dependencies and with syntax old Node versions parse, so that even on a
// too-old Node it gets as far as saying which Node is needed. The decisions are pure functions, tested in
// tests/electron/ensure-electron.test.ts with an injected environment, file system and installer.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Electron 45's own requirement (its package.json "engines"); the tests, the web build and the CLI run on 20.19+. */
export const MINIMUM_NODE = '22.12.0';

/** Where @electron/get downloads from unless a mirror is configured. */
export const DEFAULT_ELECTRON_SOURCE = 'https://github.com/electron/electron/releases/download/';

/** True for versions at least `minimum` (both "major.minor.patch", an optional leading "v"). */
export function isAtLeast(version, minimum) {
  const parse = (v) => String(v).replace(/^v/, '').split('.').map((part) => parseInt(part, 10) || 0);
  const a = parse(version);
  const b = parse(minimum);
  for (let i = 0; i < 3; i++) {
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  }
  return true;
}

/** The executable's path inside node_modules/electron/dist, as Electron's install.js writes it to path.txt. */
export function platformPath(platform) {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}

/**
 * Is Electron's binary installed? The same test as Electron's install.js: dist/version is this package's
 * version, path.txt names this platform's executable, and the executable exists.
 */
export function electronInstalled({ electronDir, version, platform, env, fs }) {
  const expected = platformPath(env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform);
  if (!expected) return false;
  try {
    if (fs.readText(path.join(electronDir, 'dist', 'version')).replace(/^v/, '').trim() !== version) return false;
    if (fs.readText(path.join(electronDir, 'path.txt')) !== expected) return false;
  } catch {
    return false;
  }
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, expected) : path.join(electronDir, 'dist', expected);
  return fs.exists(executable);
}

/** Where the download comes from: the configured mirror (the variables @electron/get reads), else GitHub. */
export function electronSource(env) {
  return (
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    env.ELECTRON_MIRROR ||
    DEFAULT_ELECTRON_SOURCE
  );
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * The installer's environment: ours, plus proxy support switched on when a proxy is configured. @electron/get
 * downloads with fetch(), which ignores HTTPS_PROXY unless told: ELECTRON_GET_USE_PROXY makes @electron/get
 * install undici's EnvHttpProxyAgent (when undici can be loaded), NODE_USE_ENV_PROXY makes Node's own fetch use
 * the proxy (Node 22.21+ and 24.5+). npm's https-proxy/proxy settings (npm_config_*) count as configured proxies.
 */
export function installerEnvironment(env) {
  const next = { ...env };
  if (!next.HTTPS_PROXY && !next.https_proxy && env.npm_config_https_proxy) next.HTTPS_PROXY = env.npm_config_https_proxy;
  if (!next.HTTP_PROXY && !next.http_proxy && env.npm_config_proxy) next.HTTP_PROXY = env.npm_config_proxy;
  if (!next.NO_PROXY && !next.no_proxy && env.npm_config_noproxy) next.NO_PROXY = env.npm_config_noproxy;
  if (PROXY_VARIABLES.some((name) => next[name])) {
    next.ELECTRON_GET_USE_PROXY = next.ELECTRON_GET_USE_PROXY || '1';
    next.NODE_USE_ENV_PROXY = next.NODE_USE_ENV_PROXY || '1';
  }
  return next;
}

const AGAIN = 'run npm start again';
const OFFLINE_HELP = `connect to the internet (behind a proxy set HTTPS_PROXY, or set ELECTRON_MIRROR to a mirror you can reach) and ${AGAIN}; until then \`npm run web\` runs the same app in your browser`;

/**
 * What to do before `electron-vite preview`: 'ready' (start), 'install' (run Electron's installer with this
 * environment) or 'fail' (stop with this one sentence).
 */
export function decideBeforeStart({ nodeVersion, env, installed, electronVersion, platform, arch }) {
  if (!isAtLeast(nodeVersion, MINIMUM_NODE)) {
    return {
      action: 'fail',
      message: `Antal's desktop app needs Node.js ${MINIMUM_NODE} or newer (Electron ${electronVersion} requires it) but this is Node.js ${String(nodeVersion).replace(/^v/, '')}: install a current Node.js LTS from https://nodejs.org and ${AGAIN} (the tests, the web build and the CLI also work on Node.js 20.19 or newer).`,
    };
  }
  if (env.ELECTRON_EXEC_PATH) return { action: 'ready', note: 'ELECTRON_EXEC_PATH' };
  if (installed) return { action: 'ready' };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      action: 'fail',
      message: `Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded: unset ELECTRON_SKIP_BINARY_DOWNLOAD and ${AGAIN} (it downloads Electron ${electronVersion} once, about 100 MB).`,
    };
  }
  return {
    action: 'install',
    env: installerEnvironment(env),
    announcement: `Downloading Electron ${electronVersion} for ${platform}-${arch} (about 100 MB, only this once) from ${electronSource(env)} …`,
  };
}

/** The one sentence for a failed installer run, from what it printed. */
export function describeInstallFailure(output, { electronVersion, env, platform, arch }) {
  const source = electronSource(env);
  const text = String(output);
  const firstLine = (text.split('\n').find((line) => line.trim() !== '') || 'no message').trim();
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR|socket hang up|getaddrinfo|certificate|self[- ]signed/i.test(text)) {
    return `Electron ${electronVersion} could not be downloaded from ${source} (${firstLine}): ${OFFLINE_HELP}.`;
  }
  const http = /Response code (\d{3})/.exec(text);
  if (http) {
    return `Electron ${electronVersion} could not be downloaded from ${source} (HTTP ${http[1]}: it has no electron-v${electronVersion}-${platform}-${arch}.zip): check ELECTRON_MIRROR (or unset it to download from GitHub) and ${AGAIN}.`;
  }
  if (/checksum|sha256|does not match|No checksum/i.test(text)) {
    return `The downloaded Electron ${electronVersion} does not match its published checksum (${firstLine}): delete Electron's download cache (see electron_config_cache, by default in your user cache folder under "electron") and ${AGAIN}.`;
  }
  return `Electron ${electronVersion} could not be installed (${firstLine}): delete the folder node_modules/electron, run npm install, and ${AGAIN}.`;
}

/** Runs Electron's installer as a child process; resolves with its exit status and what it printed to stderr. */
export function runInstaller(installScript, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installScript], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => resolve({ status: 1, stderr: `${stderr}${error.message}\n` }));
    child.on('close', (status) => resolve({ status: status === null ? 1 : status, stderr }));
  });
}

/**
 * The whole pre-step with its inputs injected. Returns the exit code: 0 to let `npm start` go on, 1 to stop it
 * (after printing one sentence to `printError`).
 */
export async function ensureElectron(deps) {
  const { nodeVersion, env, platform, arch, electronDir, electronVersion, fs, install, print, printError } = deps;
  const isInstalled = () => electronInstalled({ electronDir, version: electronVersion, platform, env, fs });
  const decision = decideBeforeStart({ nodeVersion, env, installed: isInstalled(), electronVersion, platform, arch });
  if (decision.action === 'ready') return 0;
  if (decision.action === 'fail') {
    printError(decision.message);
    return 1;
  }
  print(decision.announcement);
  const result = await install(path.join(electronDir, 'install.js'), decision.env);
  if (result.status !== 0) {
    printError(describeInstallFailure(result.stderr, { electronVersion, env, platform, arch }));
    return 1;
  }
  if (!isInstalled()) {
    printError(`Electron's installer finished but node_modules/electron has no Electron ${electronVersion} for ${platform}: delete the folder node_modules/electron, run npm install, and ${AGAIN}.`);
    return 1;
  }
  print(`Electron ${electronVersion} is installed.`);
  return 0;
}

function electronPackageDir() {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('electron/package.json'));
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let electronDir;
  try {
    electronDir = electronPackageDir();
  } catch {
    console.error('Electron is not installed in node_modules: run npm install and then npm start again.');
    process.exit(1);
  }
  const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const code = await ensureElectron({
    nodeVersion: process.versions.node,
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    electronDir,
    electronVersion,
    fs: { readText: (file) => readFileSync(file, 'utf8'), exists: existsSync },
    install: runInstaller,
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  });
  process.exit(code);
}
