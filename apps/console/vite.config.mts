import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the build from dist/apps/console and proxies /api; in `vite dev` the same
// paths go to a gateway on GATEWAY_URL (default: the local one of `npm start`).
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../../dist/apps/console'),
    emptyOutDir: true,
    sourcemap: true,
    // The network page carries sigma.js (WebGL), loaded only when that page is opened.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' },
  },
});
