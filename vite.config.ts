import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// Two pages from one build: the facilitator app (index.html) and the participant page
// (join.html). Both are served by the collaboration server, in a browser or the desktop window.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'renderer', 'dist'),
    emptyOutDir: true,
    // No inline scripts or data: URLs, so the server's Content-Security-Policy can stay strict.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        facilitator: path.resolve(import.meta.dirname, 'renderer', 'index.html'),
        participant: path.resolve(import.meta.dirname, 'renderer', 'join.html'),
      },
    },
  },
});
