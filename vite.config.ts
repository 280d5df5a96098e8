import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { inlinePageCss } from './scripts/inline-page-css.ts';
import { precompress } from './scripts/precompress.ts';

const outDir = path.resolve(import.meta.dirname, 'renderer', 'dist');

// Two pages from one build: the facilitator app (index.html) and the participant page
// (join.html). Both are served by the collaboration server, in a browser or the desktop window.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [
    react(),
    // The participant page's service worker (scope /join only, so the facilitator app is never
    // served from a cache). It keeps the page and the hashed files it loaded, so a reload with
    // no signal still shows the room as last seen; the page adds the files it loaded before the
    // worker ran (renderer/src/participant/offline-cache.ts). Nothing is precached beyond the
    // icon: precaching every built file would make phones download the facilitator app too.
    VitePWA({
      strategies: 'generateSW',
      filename: 'join-sw.js',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['favicon.svg'],
        navigateFallback: null,
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' && url.pathname.startsWith('/join'),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'cohear-participant-page',
              networkTimeoutSeconds: 4,
              matchOptions: { ignoreSearch: true },
            },
          },
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'cohear-participant-assets',
              expiration: { maxEntries: 80 },
            },
          },
        ],
      },
    }),
    inlinePageCss(['join.html']),
    precompress(outDir),
  ],
  // The analysis worker is an ES module, as the page asks for (`type: 'module'`).
  worker: { format: 'es' },
  build: {
    outDir,
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
