// Builds the three Electron bundles with Vite (electron-vite): main and preload for Node, renderer for the web.
// The renderer config is shared with vite.web.config.ts so the browser build is the same app.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.mts';

const __dirname = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // No source maps in any desktop bundle: they would ship the sources inside the installed app.
  main: {
    build: {
      outDir: 'out/main',
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      // Sandboxed preload scripts must be CommonJS.
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: rendererConfig({ outDir: resolve(__dirname, 'out/renderer'), pwa: false, sourcemap: false }),
});
