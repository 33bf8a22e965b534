import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the build from dist/apps/console and proxies /api; in `vite dev` the same
// paths go to a gateway on GATEWAY_URL (default: the local one of `npm start`).
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist/apps/console'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000' },
  },
});
