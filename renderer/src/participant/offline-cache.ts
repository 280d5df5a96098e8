/** The cache the service worker answers hashed files from (see vite.config.ts). */
export const ASSET_CACHE = 'cohear-participant-assets';
export const PAGE_CACHE = 'cohear-participant-page';

/**
 * Puts the files this page has loaded into the service worker's caches. The first visit's
 * files arrive before the worker is running, so the worker never sees them; the page itself
 * can store them (CacheStorage is shared), and a reload with no signal then still works.
 * Call again after loading a chunk on demand.
 */
export function cacheLoadedAssets(): void {
  if (typeof caches === 'undefined' || !navigator.onLine) return;
  // Not while the page is still loading: on a slow network it would compete with the page.
  if (document.readyState !== 'complete') {
    window.addEventListener('load', () => cacheLoadedAssets(), { once: true });
    return;
  }
  const assets = performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
    .map((u) => u.pathname);
  void caches
    .open(ASSET_CACHE)
    .then((c) => c.addAll([...new Set(assets)]))
    .catch(() => undefined);
  void caches
    .open(PAGE_CACHE)
    .then((c) => c.add('/join'))
    .catch(() => undefined);
}
