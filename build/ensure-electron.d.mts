// Types of build/ensure-electron.mjs (plain JavaScript so that any Node version can run it far enough to say which
// Node it needs), for the tests that import it.

export type Env = Readonly<Record<string, string | undefined>>;

export interface FileAccess {
  readText(file: string): string;
  exists(file: string): boolean;
}

export declare const MINIMUM_NODE: string;
export declare const DEFAULT_ELECTRON_SOURCE: string;

export declare function isAtLeast(version: string, minimum: string): boolean;
export declare function platformPath(platform: string): string | null;
export declare function electronInstalled(input: { electronDir: string; version: string; platform: string; env: Env; fs: FileAccess }): boolean;
export declare function electronSource(env: Env): string;
export declare function installerEnvironment(env: Env): Record<string, string | undefined>;

export type StartDecision =
  | { action: 'ready'; note?: string }
  | { action: 'fail'; message: string }
  | { action: 'install'; env: Record<string, string | undefined>; announcement: string };

export declare function decideBeforeStart(input: { nodeVersion: string; env: Env; installed: boolean; electronVersion: string; platform: string; arch: string }): StartDecision;
export declare function describeInstallFailure(output: string, context: { electronVersion: string; env: Env; platform: string; arch: string }): string;

export interface InstallerResult {
  status: number;
  stderr: string;
}

export declare function runInstaller(installScript: string, env: Record<string, string | undefined>): Promise<InstallerResult>;

export declare function ensureElectron(deps: {
  nodeVersion: string;
  env: Env;
  platform: string;
  arch: string;
  electronDir: string;
  electronVersion: string;
  fs: FileAccess;
  install(installScript: string, env: Record<string, string | undefined>): Promise<InstallerResult>;
  print(line: string): void;
  printError(line: string): void;
}): Promise<number>;
