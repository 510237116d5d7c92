import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The public board and the staff console: static files in dist/, served by npm start or CloudFront. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 900 },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      [
        '/regions',
        '/households',
        '/notices',
        '/public',
        '/subsidy',
        '/scoring',
        '/dispatch',
        '/dev',
        '/villages',
        '/comparisons',
        '/poverty-lines',
        '/nsys-window',
        '/openapi.json',
      ].map((p) => [p, 'http://localhost:3000']),
    ),
  },
});
