// The renderer's Vite configuration, shared by the Electron build (electron.vite.config.ts) and the
// browser build (vite.web.config.ts), so both ship the same app.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, PluginOption, UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { META_CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

const __dirname = dirname(fileURLToPath(import.meta.url));

const root = resolve(__dirname, 'renderer');

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  homepage?: string;
  dependencies?: Record<string, string>;
}

function readPackage(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/**
 * `virtual:antal-build-info`: the app version and the third-party credits (name, version, licence of every
 * runtime dependency), read from the installed packages at build time so the About dialog never goes stale.
 */
function buildInfoPlugin(): Plugin {
  const id = 'virtual:antal-build-info';
  const resolvedId = '\0' + id;
  return {
    name: 'antal-build-info',
    resolveId: (source) => (source === id ? resolvedId : null),
    load(loadId) {
      if (loadId !== resolvedId) return null;
      const pkg = readPackage(resolve(__dirname, 'package.json'));
      const credits = Object.keys(pkg.dependencies ?? {})
        .filter((name) => name !== 'tsx') // CLI-only loader, not part of the app
        .sort()
        .map((name) => {
          const dep = readPackage(resolve(__dirname, 'node_modules', name, 'package.json'));
          return { name, version: dep.version, license: dep.license ?? 'UNKNOWN' };
        });
      return `export const appVersion = ${JSON.stringify(pkg.version)};\nexport const credits = ${JSON.stringify(credits)};\n`;
    },
  };
}

/**
 * The Content-Security-Policy of the built renderer (shared/security/csp.ts; the Electron protocol handler sends
 * the same policy as a header). Only added to built pages: Vite's dev server needs an inline script for fast refresh.
 */

function cspMetaPlugin(): Plugin {
  return {
    name: 'antal-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * One chunk for everything the first screen needs: every module the app's entry imports statically (directly or
 * through others). Left to itself the bundler cuts that code into some thirty small shared chunks (each also used
 * by a page that loads later), and the browser then fetches, and the server sends, thirty files before anything
 * shows. Pages, dialogs and workers loaded later still import from this chunk what they share with it.
 */
function firstScreenChunk(entry: string) {
  let reachable: Set<string> | null = null;
  const closure = (getModuleInfo: (id: string) => { importedIds: readonly string[] } | null): Set<string> => {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    while (queue.length > 0) {
      for (const next of getModuleInfo(queue.pop()!)?.importedIds ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  };
  return {
    groups: [
      {
        debugName: 'first-screen',
        name: (id: string, context: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => {
          reachable ??= closure((moduleId) => context.getModuleInfo(moduleId));
          return reachable.has(id) ? 'index' : null;
        },
      },
    ],
  };
}

/**
 * `sourcemap`: the browser build keeps its maps (stack traces in bug reports); the desktop build makes none, so no
 * `.map` files with the sources end up in the installed app.
 */
export function rendererConfig(options: { outDir: string; pwa: boolean; sourcemap: boolean }): UserConfig {
  const plugins: PluginOption[] = [react(), buildInfoPlugin(), cspMetaPlugin()];
  if (options.pwa) {
    // Service worker for the browser build: precaches every built asset so the app works offline once loaded.
    // The app registers it itself once the first answer is on screen (main.tsx): filling the cache downloads
    // every file of the app, and at the start that would compete with the first answer for the processor.
    plugins.push(
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: null,
        manifest: false,
        workbox: {
          // mjs: pdf.js's worker module (the letter preview), kept as the file pdf.js ships.
          globPatterns: ['**/*.{js,mjs,css,html,svg,png,woff2,json}'],
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          navigateFallback: 'index.html',
        },
      }),
    );
  }
  return {
    root,
    base: './',
    plugins,
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: options.sourcemap,
      rollupOptions: { input: resolve(root, 'index.html'), output: { codeSplitting: firstScreenChunk(resolve(root, 'src/main.tsx')) } },
    },
    worker: { format: 'es' },
    // Whether this build has a service worker to register (the browser build) or not (the desktop app).
    define: { __ANTAL_SERVICE_WORKER__: JSON.stringify(options.pwa) },
    resolve: {
      alias: {
        // stdlib's eval-based feature test would violate the CSP; see the shim for why a constant is correct.
        '@stdlib/assert-has-generator-support': resolve(root, 'src/shims/has-generator-support.cjs'),
      },
    },
  };
}
