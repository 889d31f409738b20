// Builds the web UI (preact) into dist/ui: one JS file and one CSS file, relative paths, nothing loaded from the network.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: uiRoot,
  base: './',
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    // The one-file HTML report inlines the bundle, so it must be a single chunk with no preload helper.
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 100_000,
    target: 'es2020',
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
