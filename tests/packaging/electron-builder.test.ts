/**
 * Packaging: build/electron-builder.config.ts is loaded and schema-validated by electron-builder itself (its own
 * loader, which runs the TypeScript through jiti), checked for the decisions that must never drift (identity,
 * targets, fuses, shipped files) and for each target's resulting configuration — signed and unsigned Windows
 * builds from the environment, and the MSI's WiX source as electron-builder's own MsiTarget writes it — and then
 * used for a real `electron-builder --linux dir` run against a stand-in Electron distribution (no Electron binary
 * can be downloaded here), whose output is inspected: the app.asar contents (no sources, no source maps) and the
 * fuses flipped in the binary.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { createBuilderConfig, MSI_UPGRADE_CODE, signingNotice, SigningConfigurationError, windowsSigning } from '../../build/electron-builder.config';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '../..');
const configPath = path.join(repo, 'build', 'electron-builder.config.ts');

// electron-builder's own loader and JSON-schema validator (app-builder-lib), resolved the way electron-builder
// resolves it, so the test reads the configuration exactly as `npm run dist` will.
const requireFromBuilder = createRequire(createRequire(path.join(repo, 'package.json')).resolve('electron-builder/package.json'));
const appBuilderConfig = requireFromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
};
const requireFromAppBuilder = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));
const { DebugLogger } = requireFromAppBuilder('builder-util') as { DebugLogger: new (isEnabled?: boolean) => unknown };

type TargetEntry = { target: string; arch?: string[] };
const targetsOf = (platform: { target?: unknown } | null | undefined): TargetEntry[] => (platform?.target ?? []) as TargetEntry[];
const validate = (config: Configuration) => appBuilderConfig.validateConfiguration(config, new DebugLogger(false));

const installedElectron = () => JSON.parse(readFileSync(path.join(repo, 'node_modules/electron/package.json'), 'utf8')) as { version: string };

describe('build/electron-builder.config.ts', () => {
  let config: Configuration;
  let packageJson: { name: string; productName: string; main: string; scripts: Record<string, string>; devDependencies: Record<string, string> };

  beforeAll(async () => {
    process.env['ANTAL_BUILDER_QUIET'] = '1';
    config = await appBuilderConfig.getConfig(repo, configPath, null);
    packageJson = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as typeof packageJson;
  });

  it('is what `npm run dist` uses, and passes electron-builder\'s schema validation (which does reject a typo)', async () => {
    expect(packageJson.scripts['dist']).toBe('electron-vite build && electron-builder --config build/electron-builder.config.ts');
    await expect(validate(config)).resolves.toBeUndefined();
    const typo = { ...config, nsis: { ...config.nsis, oneClik: false } } as Configuration;
    await expect(validate(typo)).rejects.toThrow(/nsis/);
  });

  it('pins the identity: appId, productName (= package.json), and the same AppUserModelId in the main process', async () => {
    expect(config.appId).toBe('se.antal.desktop');
    expect(config.productName).toBe('Antal');
    expect(packageJson.productName).toBe('Antal');
    const main = await readFile(path.join(repo, 'electron/main/main-process.ts'), 'utf8');
    expect(main).toContain(`export const APP_ID = '${config.appId}'`);
  });

  it('ships only the bundles and package.json, in an asar, without source maps and without rebuilding anything', () => {
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    // getConfig normalises the list into one file set.
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json', '!node_modules{,/**/*}', '!**/*.map'] }]);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(packageJson.main).toBe('out/main/index.js');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has no auto-update feed', () => {
    expect(config.publish).toBeNull();
  });

  it('packages the newest Electron 45 patch it was updated to (npm view electron@45 version: 45.6.1), not an older lock', () => {
    expect(packageJson.devDependencies['electron']).toBe('^45.6.1');
    expect(installedElectron().version).toBe('45.6.1');
  });

  it('Windows: an MSI for IT (x64, per machine, no wizard, no auto-start), NSIS and portable for x64 and arm64', () => {
    expect(targetsOf(config.win)).toEqual([
      { target: 'msi', arch: ['x64'] },
      { target: 'nsis', arch: ['x64', 'arm64'] },
      { target: 'portable', arch: ['x64', 'arm64'] },
    ]);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.msi).toMatchObject({ oneClick: true, perMachine: true, runAfterFinish: false, createDesktopShortcut: false, createStartMenuShortcut: true, upgradeCode: MSI_UPGRADE_CODE });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, deleteAppDataOnUninstall: false });
    expect(config.portable?.requestExecutionLevel).toBe('user');
  });

  it('the MSI upgrade code is the one electron-builder derives from appId, written out so it cannot drift', () => {
    const { UUID } = requireFromAppBuilder('builder-util-runtime') as { UUID: { v5(name: string, namespace: unknown): string; parse(text: string): unknown } };
    // electron-builder's namespace for upgrade codes (app-builder-lib/out/targets/MsiTarget.js).
    expect(UUID.v5('se.antal.desktop', UUID.parse('d752fe43-5d44-44d5-9fc9-6dd1bf19d5cc')).toUpperCase()).toBe(MSI_UPGRADE_CODE);
  });

  it('macOS: a universal dmg, hardened runtime, medical category, minimal entitlements', async () => {
    expect(targetsOf(config.mac)).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac).toMatchObject({
      category: 'public.app-category.medical',
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    const entitlements = await readFile(path.join(repo, 'build/entitlements.mac.plist'), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(entitlements).not.toContain('<key>com.apple.security.cs.allow-unsigned-executable-memory</key>');
    expect(entitlements).not.toContain('<key>com.apple.security.cs.disable-library-validation</key>');
  });

  it('Linux: AppImage and deb, Science/MedicalSoftware, with maintainer and synopsis', () => {
    expect(targetsOf(config.linux).map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Science;MedicalSoftware');
    expect(config.linux?.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.linux?.synopsis?.length).toBeGreaterThan(10);
    expect(config.linux?.executableName).toBe('antal');
  });

  it('puts the version in every artifact name', () => {
    const names = [config.artifactName, config.win?.artifactName, config.msi?.artifactName, config.nsis?.artifactName, config.portable?.artifactName, config.dmg?.artifactName, config.appImage?.artifactName];
    for (const name of names) expect(name).toContain('${version}');
  });

  it('has a 1024×1024 PNG icon rendered from the SVG master', async () => {
    const png = await readFile(path.join(repo, 'build/icon.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    // Colour type 6 = RGBA: the corners must be able to be transparent.
    expect(png[25]).toBe(6);
    expect(await readFile(path.join(repo, 'build/icon.svg'), 'utf8')).toMatch(/<svg[^>]*viewBox="0 0 1024 1024"/);
    await expect(stat(path.join(repo, 'build/render-icon.mjs'))).resolves.toBeTruthy();
    for (const platform of [config.win, config.mac, config.linux]) expect(platform?.icon).toBe('build/icon.png');
  });
});

describe('Windows signing, from the environment', () => {
  const azure = {
    ANTAL_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
    ANTAL_AZURE_SIGNING_ACCOUNT: 'region-signing',
    ANTAL_AZURE_SIGNING_PROFILE: 'antal-public-trust',
    ANTAL_SIGNING_PUBLISHER: 'Region Exempel',
    AZURE_TENANT_ID: 'tenant',
    AZURE_CLIENT_ID: 'client',
    AZURE_CLIENT_SECRET: 'secret',
  };

  it('unsigned when nothing is configured, and says so: "-unsigned" in every Windows artifact name, signing off, a notice', async () => {
    const config = createBuilderConfig({});
    await expect(validate(config)).resolves.toBeUndefined();
    for (const name of [config.win?.artifactName, config.msi?.artifactName, config.nsis?.artifactName, config.portable?.artifactName]) expect(name).toMatch(/-unsigned\.\$\{ext\}$/);
    expect(config.win).toMatchObject({ signExecutable: false });
    expect(config.win).not.toHaveProperty('signtoolOptions');
    expect(config.win).not.toHaveProperty('azureSignOptions');
    expect(signingNotice(windowsSigning({}))).toMatch(/^Windows: UNSIGNED build .*AppLocker\/WDAC/);
  });

  it('Authenticode from a certificate in the Windows store (EV token, HSM): SHA-256 only, RFC 3161 time stamp', async () => {
    const config = createBuilderConfig({ ANTAL_WIN_CERT_SHA1: '0123456789ABCDEF0123456789ABCDEF01234567', ANTAL_SIGNING_PUBLISHER: 'Region Exempel' });
    await expect(validate(config)).resolves.toBeUndefined();
    expect(config.win?.signtoolOptions).toEqual({
      signingHashAlgorithms: ['sha256'],
      rfc3161TimeStampServer: 'http://timestamp.digicert.com',
      certificateSha1: '0123456789ABCDEF0123456789ABCDEF01234567',
      publisherName: 'Region Exempel',
    });
    expect(config.win).not.toHaveProperty('signExecutable');
    for (const name of [config.win?.artifactName, config.msi?.artifactName, config.nsis?.artifactName]) expect(name).not.toContain('unsigned');
  });

  it('Authenticode from a .pfx (CSC_LINK, which electron-builder reads itself) needs its password', () => {
    expect(windowsSigning({ CSC_LINK: '/secure/antal.pfx', CSC_KEY_PASSWORD: 'x', ANTAL_TIMESTAMP_URL: 'http://ts.example/rfc3161' })).toEqual({
      kind: 'authenticode',
      signtoolOptions: { signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: 'http://ts.example/rfc3161' },
    });
    expect(() => windowsSigning({ CSC_LINK: '/secure/antal.pfx' })).toThrow(SigningConfigurationError);
  });

  it('Azure Trusted Signing when its account is configured (and its Entra ID credentials are there)', async () => {
    const config = createBuilderConfig(azure);
    await expect(validate(config)).resolves.toBeUndefined();
    expect(config.win?.azureSignOptions).toEqual({
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'region-signing',
      certificateProfileName: 'antal-public-trust',
      publisherName: 'Region Exempel',
      fileDigest: 'SHA256',
      timestampDigest: 'SHA256',
      timestampRfc3161: 'http://timestamp.acs.microsoft.com',
    });
    expect(config.win).not.toHaveProperty('signtoolOptions');
  });

  it('half a configuration stops the build instead of making an unsigned one', () => {
    const { AZURE_CLIENT_SECRET: _secret, ...noSecret } = azure;
    expect(() => createBuilderConfig(noSecret)).toThrow(/Azure Trusted Signing is half configured: set AZURE_CLIENT_SECRET/);
    expect(() => createBuilderConfig({ ANTAL_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net' })).toThrow(/ANTAL_AZURE_SIGNING_ACCOUNT, ANTAL_AZURE_SIGNING_PROFILE, ANTAL_SIGNING_PUBLISHER/);
    expect(() => createBuilderConfig({ ...azure, ANTAL_WIN_CERT_SHA1: 'ABC' })).toThrow(/keep one/);
  });
});

describe('the MSI as electron-builder writes it (its own MsiTarget and WiX template)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'antal-msi-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** The WiX source MsiTarget.build would compile for an unpacked Windows app at `appOutDir`. */
  async function wixSource(config: Configuration): Promise<string> {
    const appOutDir = path.join(work, 'win-unpacked');
    await mkdir(path.join(appOutDir, 'resources'), { recursive: true });
    await writeFile(path.join(appOutDir, 'Antal.exe'), 'MZ');
    await writeFile(path.join(appOutDir, 'resources', 'app.asar'), 'asar');
    // The package's entry first: its modules require each other in an order that only works from there.
    requireFromAppBuilder('app-builder-lib');
    const MsiTarget = (requireFromAppBuilder('app-builder-lib/out/targets/MsiTarget') as { default: new (packager: unknown, outDir: string) => { options: Record<string, unknown>; writeManifest(dir: string, arch: number, common: unknown): Promise<string> } }).default;
    const { getEffectiveOptions } = requireFromAppBuilder('app-builder-lib/out/options/CommonWindowsInstallerConfiguration') as { getEffectiveOptions(options: unknown, packager: unknown): unknown };
    const { Arch } = requireFromAppBuilder('builder-util') as { Arch: { x64: number } };
    // The parts of electron-builder's WinPackager the manifest is written from.
    const packager = {
      config,
      platformSpecificBuildOptions: config.win,
      appInfo: {
        id: config.appId,
        productName: 'Antal',
        productFilename: 'Antal',
        sanitizedProductName: 'Antal',
        sanitizedName: 'antal',
        companyName: 'Antal project',
        description: 'Antal',
        getVersionInWeirdWindowsForm: () => '0.1.0.0',
      },
      getIconPath: async () => null,
      compression: 'normal',
      expandMacro: (pattern: string) => pattern,
      fileAssociations: [],
    };
    const target = new MsiTarget(packager, path.join(work, 'out'));
    return target.writeManifest(appOutDir, Arch.x64, getEffectiveOptions(target.options, packager));
  }

  it('installs per machine into 64-bit Program Files, without a wizard, without starting the app, and upgrades in place', async () => {
    const wxs = await wixSource(createBuilderConfig({}));
    expect(wxs).toContain('<Property Id="ALLUSERS" Secure="yes" Value="1"/>');
    expect(wxs).not.toContain('Value="2"/>');
    expect(wxs).toMatch(/ProgramFiles64Folder/);
    expect(wxs).not.toMatch(/InstallScopeDlg|WixUI_/);
    expect(wxs).not.toContain('runAfterFinish');
    expect(wxs).toContain(`UpgradeCode="${MSI_UPGRADE_CODE}"`);
    expect(wxs).toMatch(/<MajorUpgrade /);
    expect(wxs).toContain('Id="startMenuShortcut"');
    expect(wxs).not.toContain('Id="desktopShortcut"');
    // Taskbar grouping: the Start-menu shortcut carries the app's AppUserModelId.
    expect(wxs).toContain('<ShortcutProperty Key="System.AppUserModel.ID" Value="se.antal.desktop"/>');
  });
});

// ---------------------------------------------------------------------------------------------------------
// A real packaging run.

/** @electron/fuses finds the fuse wire after this sentinel in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE = { DISABLE: 0x30, ENABLE: 0x31 } as const;
// Order of the V1 fuse wire (@electron/fuses FuseV1Options).
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
// Electron's own defaults, which the build must flip.
const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * The smallest Electron distribution electron-builder accepts for `--linux dir`: an executable called
 * `electron` carrying a real fuse wire (so fuses are flipped for real, not skipped), the `locales` folder
 * (trimmed by electronLanguages), plus the version and licence files of a real distribution.
 */
async function createStandInElectron(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, FUSE_ORDER.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1'),
  ]);
  await writeFile(path.join(dir, 'electron'), binary, { mode: 0o755 });
  for (const locale of ['en-US', 'en-GB', 'sv', 'de', 'fi']) await writeFile(path.join(dir, 'locales', `${locale}.pak`), locale);
  await writeFile(path.join(dir, 'version'), installedElectron().version);
  await writeFile(path.join(dir, 'LICENSE'), 'MIT');
}

function readFuses(binary: Buffer): Record<(typeof FUSE_ORDER)[number], boolean | null> {
  const at = binary.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) throw new Error('no fuse sentinel in the packaged binary');
  const wire = at + FUSE_SENTINEL.length + 2;
  const state = (i: number) => (binary[wire + i] === FUSE.ENABLE ? true : binary[wire + i] === FUSE.DISABLE ? false : null);
  return Object.fromEntries(FUSE_ORDER.map((name, i) => [name, state(i)])) as Record<(typeof FUSE_ORDER)[number], boolean | null>;
}

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  size?: number;
  offset?: string;
}

/** A minimal reader for the asar format: a Chromium pickle holding a JSON header, then the file data. */
function readAsar(archive: Buffer) {
  const headerPickleSize = archive.readUInt32LE(4);
  const jsonLength = archive.readUInt32LE(12);
  const header = JSON.parse(archive.toString('utf8', 16, 16 + jsonLength)) as AsarEntry;
  const list = (entry: AsarEntry, prefix: string): string[] =>
    Object.entries(entry.files ?? {}).flatMap(([name, child]) => (child.files ? list(child, `${prefix}${name}/`) : [`${prefix}${name}`]));
  const read = (file: string): string => {
    let entry: AsarEntry | undefined = header;
    for (const part of file.split('/')) entry = entry?.files?.[part];
    if (entry?.offset === undefined || entry.size === undefined) throw new Error(`${file} is not in the asar`);
    const start = 8 + headerPickleSize + Number(entry.offset);
    return archive.toString('utf8', start, start + entry.size);
  };
  return { files: list(header, ''), read };
}

describe('electron-builder --linux dir (stand-in Electron)', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'antal-package-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('produces an app.asar with exactly the bundles, and flips the fuses in the binary', { timeout: 240_000 }, async () => {
    // A throw-away project: the repository's package.json and build/ folder, its node_modules (linked, for
    // electron-builder's dependency scan and Electron version), and freshly built bundles in out/. Nothing in
    // the repository (out/, release/) is touched.
    const project = path.join(work, 'project');
    await mkdir(project);
    await cp(path.join(repo, 'package.json'), path.join(project, 'package.json'));
    await cp(path.join(repo, 'build'), path.join(project, 'build'), { recursive: true });
    await symlink(path.join(repo, 'node_modules'), path.join(project, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir');

    const electronVite = path.join(repo, 'node_modules/electron-vite/bin/electron-vite.js');
    await run(process.execPath, [electronVite, 'build', '--outDir', path.join(project, 'out')], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });

    const electronDist = path.join(work, 'electron-dist');
    await createStandInElectron(electronDist);
    const output = path.join(work, 'release');
    const electronBuilder = path.join(repo, 'node_modules/electron-builder/cli.js');
    await run(
      process.execPath,
      [
        electronBuilder,
        '--linux',
        'dir',
        '--x64',
        '--projectDir',
        project,
        '--config',
        'build/electron-builder.config.ts',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: project, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );

    const unpacked = path.join(output, 'linux-unpacked');
    const asar = readAsar(await readFile(path.join(unpacked, 'resources', 'app.asar')));
    expect(asar.files).toEqual(expect.arrayContaining(['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']));
    expect(asar.files.filter((f) => f !== 'package.json' && !f.startsWith('out/')), 'nothing but out/ and package.json').toEqual([]);
    expect(asar.files.filter((f) => /node_modules|\.tsx?$/.test(f))).toEqual([]);
    // No source maps (they would carry the sources) and no pointers to them.
    expect(asar.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of asar.files.filter((f) => /\.(m?js|css)$/.test(f))) expect(asar.read(file), file).not.toMatch(/sourceMappingURL=/);
    // The letter preview's pdf.js worker is there, as a module file of our own origin.
    expect(asar.files.some((f) => /^out\/renderer\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(f))).toBe(true);

    const shippedPackage = JSON.parse(asar.read('package.json')) as { name: string; productName: string; main: string };
    expect(shippedPackage).toMatchObject({ name: 'antal', productName: 'Antal', main: 'out/main/index.js' });

    // node_modules are not shipped, so the main and preload bundles may load nothing but Electron and Node.
    for (const bundle of ['out/main/index.js', 'out/preload/index.js']) {
      const required = [...asar.read(bundle).matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
      const external = required.filter((id) => id !== 'electron' && !id.startsWith('node:'));
      expect(external, `${bundle} requires`).toEqual([]);
    }
    // The sandboxed preload may require only 'electron'.
    expect([...asar.read('out/preload/index.js').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);

    // The executable is renamed and its fuses flipped as configured.
    expect(readFuses(await readFile(path.join(unpacked, 'antal')))).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });

    // electronLanguages: only Swedish and English Chromium strings are shipped.
    expect((await readdir(path.join(unpacked, 'locales'))).sort()).toEqual(['en-GB.pak', 'en-US.pak', 'sv.pak']);
  });
});
