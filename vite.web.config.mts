// `npm run web`: the same renderer as the desktop app, built for a plain browser (with an offline service worker).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.config.mts';

const __dirname = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  ...rendererConfig({ outDir: resolve(__dirname, process.env.ANTAL_WEB_OUT ?? 'dist-web'), pwa: true, sourcemap: true }),
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
