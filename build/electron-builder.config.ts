/**
 * electron-builder configuration: `npm run dist` (electron-vite build && electron-builder --config
 * build/electron-builder.config.ts). A function of the environment, because code signing is: the certificate, or
 * the Azure Trusted Signing account, belongs to whoever builds a release, never to the repository.
 * Checked by tests/packaging/electron-builder.test.ts (each target's resulting configuration, a real unpacked
 * build, the MSI's generated WiX source) and tests/electron/fuses.test.ts.
 *
 * Signing (Windows), from the environment:
 *   - Azure Trusted Signing: ANTAL_AZURE_SIGNING_ENDPOINT, ANTAL_AZURE_SIGNING_ACCOUNT, ANTAL_AZURE_SIGNING_PROFILE
 *     and ANTAL_SIGNING_PUBLISHER (the certificate's subject CN); the service itself authenticates with
 *     AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (Microsoft Entra ID).
 *   - Authenticode with signtool: a .pfx in CSC_LINK / WIN_CSC_LINK with CSC_KEY_PASSWORD (electron-builder reads
 *     these itself), or a certificate in the Windows certificate store (an EV token or HSM) by ANTAL_WIN_CERT_SHA1
 *     or ANTAL_WIN_CERT_SUBJECT. SHA-256 only, RFC 3161 time stamp (ANTAL_TIMESTAMP_URL, default DigiCert's).
 *   - Neither: an unsigned build, and it says so — every Windows artifact is named "…-unsigned" and the build log
 *     says that AppLocker/WDAC will block it. Half a configuration is an error, never a silent unsigned build.
 */
import type { Configuration } from 'electron-builder';
import type { WindowsAzureSigningConfiguration, WindowsSigntoolConfiguration } from 'app-builder-lib/out/options/winOptions';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The MSI's upgrade code: the identity Windows Installer uses to recognise a newer version of the same product and
 * replace the old one. Pinned (it is what electron-builder derives from appId, written out so that it can never
 * change by accident): a new code would install a second copy next to the old one instead of upgrading it.
 */
export const MSI_UPGRADE_CODE = '61C7A22B-39F3-5447-B80B-6714FCF93CF2';

export const DEFAULT_TIMESTAMP_URL = 'http://timestamp.digicert.com';

export type WindowsSigning =
  | { kind: 'azure-trusted-signing'; azureSignOptions: WindowsAzureSigningConfiguration }
  | { kind: 'authenticode'; signtoolOptions: WindowsSigntoolConfiguration }
  | { kind: 'unsigned' };

/** A signing configuration that is half there: the build stops instead of quietly producing an unsigned app. */
export class SigningConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningConfigurationError';
  }
}

const AZURE_VARIABLES = ['ANTAL_AZURE_SIGNING_ENDPOINT', 'ANTAL_AZURE_SIGNING_ACCOUNT', 'ANTAL_AZURE_SIGNING_PROFILE'] as const;
const AZURE_CREDENTIALS = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const;

const set = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';

export function windowsSigning(env: Env): WindowsSigning {
  const azure = AZURE_VARIABLES.filter((name) => set(env, name));
  const pfx = set(env, 'CSC_LINK') || set(env, 'WIN_CSC_LINK');
  const store = set(env, 'ANTAL_WIN_CERT_SHA1') || set(env, 'ANTAL_WIN_CERT_SUBJECT');
  if (azure.length > 0 && (pfx || store)) {
    throw new SigningConfigurationError('Both Azure Trusted Signing (ANTAL_AZURE_SIGNING_*) and an Authenticode certificate (CSC_LINK or ANTAL_WIN_CERT_*) are configured: keep one.');
  }
  if (azure.length > 0) {
    const missing = [...AZURE_VARIABLES, 'ANTAL_SIGNING_PUBLISHER', ...AZURE_CREDENTIALS].filter((name) => !set(env, name));
    if (missing.length > 0) throw new SigningConfigurationError(`Azure Trusted Signing is half configured: set ${missing.join(', ')} (or none of ANTAL_AZURE_SIGNING_* for an unsigned build).`);
    return {
      kind: 'azure-trusted-signing',
      azureSignOptions: {
        endpoint: env['ANTAL_AZURE_SIGNING_ENDPOINT']!.trim(),
        codeSigningAccountName: env['ANTAL_AZURE_SIGNING_ACCOUNT']!.trim(),
        certificateProfileName: env['ANTAL_AZURE_SIGNING_PROFILE']!.trim(),
        publisherName: env['ANTAL_SIGNING_PUBLISHER']!.trim(),
        fileDigest: 'SHA256',
        timestampDigest: 'SHA256',
        timestampRfc3161: 'http://timestamp.acs.microsoft.com',
      },
    };
  }
  if (pfx && !set(env, 'CSC_KEY_PASSWORD') && !set(env, 'WIN_CSC_KEY_PASSWORD')) {
    throw new SigningConfigurationError('CSC_LINK names a certificate but CSC_KEY_PASSWORD (or WIN_CSC_KEY_PASSWORD) is not set.');
  }
  if (pfx || store) {
    return {
      kind: 'authenticode',
      signtoolOptions: {
        // SHA-1 signatures are not trusted by current Windows; one SHA-256 signature, time-stamped so that it stays
        // valid after the certificate expires.
        signingHashAlgorithms: ['sha256'],
        rfc3161TimeStampServer: env['ANTAL_TIMESTAMP_URL']?.trim() || DEFAULT_TIMESTAMP_URL,
        ...(set(env, 'ANTAL_WIN_CERT_SHA1') ? { certificateSha1: env['ANTAL_WIN_CERT_SHA1']!.trim() } : {}),
        ...(set(env, 'ANTAL_WIN_CERT_SUBJECT') ? { certificateSubjectName: env['ANTAL_WIN_CERT_SUBJECT']!.trim() } : {}),
        ...(set(env, 'ANTAL_SIGNING_PUBLISHER') ? { publisherName: env['ANTAL_SIGNING_PUBLISHER']!.trim() } : {}),
      },
    };
  }
  return { kind: 'unsigned' };
}

/** What the build log says about signing (printed when the configuration is loaded). */
export function signingNotice(signing: WindowsSigning): string {
  switch (signing.kind) {
    case 'azure-trusted-signing':
      return `Windows: signing with Azure Trusted Signing (${signing.azureSignOptions.codeSigningAccountName}/${signing.azureSignOptions.certificateProfileName}).`;
    case 'authenticode':
      return 'Windows: signing with Authenticode (signtool, SHA-256, RFC 3161 time stamp).';
    case 'unsigned':
      return 'Windows: UNSIGNED build (no signing configuration in the environment): the artifacts are named "-unsigned", and AppLocker/WDAC on managed clinic PCs will block them. See README "Packaging" for signing.';
  }
}

export function createBuilderConfig(env: Env): Configuration {
  const signing = windowsSigning(env);
  const unsigned = signing.kind === 'unsigned' ? '-unsigned' : '';
  return {
    // Pinned identity. appId names the Windows installer/uninstaller registration, the macOS bundle and the
    // taskbar group (the main process sets the same AppUserModelId). productName names the data folder, where
    // IndexedDB lives. Changing either after a release orphans installs or data.
    appId: 'se.antal.desktop',
    productName: 'Antal',
    copyright: 'Copyright © Antal project',

    directories: { output: 'release', buildResources: 'build' },

    // Only the bundles: main, preload and renderer are self-contained (Vite bundles every dependency), so no
    // node_modules and no sources are shipped. No source maps either: the Electron build makes none, and this
    // keeps any that appear out of the package (they would carry the sources).
    files: ['out/**/*', 'package.json', '!node_modules{,/**/*}', '!**/*.map'],
    asar: true,
    // No native modules: never run node-gyp or npm rebuild while packaging.
    npmRebuild: false,
    nodeGypRebuild: false,
    // Chromium's own UI strings (context menus, built-in error pages) only in the app's languages.
    electronLanguages: ['sv', 'en-US', 'en-GB'],

    // Electron fuses, flipped in the packaged binary (https://www.electronjs.org/docs/latest/tutorial/fuses).
    electronFuses: {
      // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
      runAsNode: false,
      enableCookieEncryption: true,
      // NODE_OPTIONS / --inspect would let anyone attach code or a debugger to the main process.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // Refuse a tampered app.asar (macOS and Windows; electron-builder embeds the hash).
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served from app://antal, never file://; file: pages get no extra powers.
      grantFileProtocolExtraPrivileges: false,
    },

    artifactName: '${productName}-${version}-${os}-${arch}.${ext}',

    // No auto-update and no update feed: clinics roll out new versions through their own IT.
    publish: null,

    win: {
      icon: 'build/icon.png',
      // The app itself never needs administrator rights.
      requestedExecutionLevel: 'asInvoker',
      target: [
        // What IT departments deploy (Intune, SCCM/MECM, Group Policy): an MSI, installed per machine into Program
        // Files, silently with `msiexec /i Antal-….msi /qn`. Program Files is where AppLocker's and WDAC's default
        // rules let programs run; per-user installs under %LOCALAPPDATA% are what they block. x64 only: the WiX
        // toolset electron-builder uses cannot make an arm64 MSI (it would label arm64 binaries as x64), so arm64
        // PCs use the NSIS installer.
        { target: 'msi', arch: ['x64'] },
        // For a coordinator installing it themselves.
        { target: 'nsis', arch: ['x64', 'arm64'] },
        { target: 'portable', arch: ['x64', 'arm64'] },
      ],
      artifactName: `\${productName}-\${version}-\${arch}${unsigned}.\${ext}`,
      ...(signing.kind === 'azure-trusted-signing' ? { azureSignOptions: signing.azureSignOptions } : {}),
      ...(signing.kind === 'authenticode' ? { signtoolOptions: signing.signtoolOptions } : {}),
      // Unsigned: say so in the name rather than pretend; electron-builder still edits the icon and version info.
      ...(signing.kind === 'unsigned' ? { signExecutable: false } : {}),
    },

    msi: {
      // No wizard: an MSI for deployment tools and silent installs. Windows Installer's own /qn, /qb, /l*v work.
      oneClick: true,
      perMachine: true,
      // A silent install by a deployment tool (running as SYSTEM) must not start the app.
      runAfterFinish: false,
      // Clinic desktops are shared and managed: a Start-menu entry, no desktop icon for every user.
      createDesktopShortcut: false,
      createStartMenuShortcut: true,
      shortcutName: 'Antal',
      upgradeCode: MSI_UPGRADE_CODE,
      artifactName: `\${productName}-\${version}-\${arch}${unsigned}.\${ext}`,
    },

    nsis: {
      // An assisted installer: the user chooses "only for me" (no admin rights needed, the default) or
      // "for all users" (elevates), and may pick the folder.
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Antal',
      // Never: the data folder holds every dataset and assessment. Uninstalling the program must not destroy work.
      deleteAppDataOnUninstall: false,
      // Swedish first (LCID 1053), English available.
      language: '1053',
      installerLanguages: ['sv_SE', 'en_US'],
      multiLanguageInstaller: true,
      artifactName: `\${productName}-Setup-\${version}-\${arch}${unsigned}.\${ext}`,
    },

    portable: {
      requestExecutionLevel: 'user',
      artifactName: `\${productName}-\${version}-portable-\${arch}${unsigned}.\${ext}`,
    },

    mac: {
      icon: 'build/icon.png',
      category: 'public.app-category.medical',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // One download for Intel and Apple silicon Macs.
      target: [{ target: 'dmg', arch: ['universal'] }],
    },

    dmg: { artifactName: '${productName}-${version}-mac-${arch}.${ext}' },

    linux: {
      icon: 'build/icon.png',
      executableName: 'antal',
      category: 'Science;MedicalSoftware',
      maintainer: 'Antal project <antal@antal-feasibility.se>',
      vendor: 'Antal project',
      synopsis: 'Clinical-trial feasibility counts for Swedish study units',
      description:
        'Antal answers clinical-trial feasibility requests from anonymised patient counts per Swedish region: eligible patients per region, healthcare region and nationally, with honest intervals, offline and disclosure-safe.',
      target: [
        { target: 'AppImage', arch: ['x64', 'arm64'] },
        { target: 'deb', arch: ['x64', 'arm64'] },
      ],
    },

    deb: { packageCategory: 'science', priority: 'optional' },

    appImage: { artifactName: '${productName}-${version}-linux-${arch}.${ext}' },
  };
}

const config = createBuilderConfig(process.env);
// Shown once in the build log, above electron-builder's own output.
if (process.env['ANTAL_BUILDER_QUIET'] !== '1') console.log(`[antal] ${signingNotice(windowsSigning(process.env))}`);

export default config;
