import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Builds the staff web app into web/dist; the Fastify server serves it under /. The citizen's
 * questionnaire page (svar.html, served at /svar) is a second, small entry of its own.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // dkfds's package "exports" only names its JavaScript; its compiled CSS lives beside it.
    alias: { 'dkfds-css': here('../node_modules/dkfds/dist/css/dkfds.min.css'), 'dkfds-icons': here('../node_modules/dkfds/dist/img/all-svg-icons.svg') },
  },
  build: {
    outDir: here('dist'), emptyOutDir: true, rolldownOptions: { input: { main: here('index.html'), svar: here('svar.html') } },
    assetsInlineLimit: 0, reportCompressedSize: false, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3119' }, fs: { allow: [here('..')] } },
});
