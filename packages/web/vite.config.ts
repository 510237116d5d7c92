import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two apps, static files in dist/, served by npm start or CloudFront:
 * - index.html: the public board (Preact, small for phones);
 * - staff/index.html: the staff console (React + Ant Design), one chunk per page (React.lazy).
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { board: here('index.html'), staff: here('staff/index.html') } },
  },
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
