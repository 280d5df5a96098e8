import type { DesktopBridge } from '../../../core/desktop/bridge.ts';
import { ApiError } from '../shared/http.ts';
import { signInDesktop, whoAmI, type Me } from './facilitator-api.ts';

declare global {
  interface Window {
    cohearDesktop?: DesktopBridge;
  }
}

/**
 * Signs the page in without a form where it can: the desktop window asks the preload bridge for
 * this launch's secret; a browser opened from the printed facilitator link finds it in the
 * fragment (never sent to the server in a URL, and removed from the address bar at once).
 * Returns null when a person has to sign in with an account.
 */
export async function autoSignIn(): Promise<Me | null> {
  try {
    return await whoAmI();
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  }
  let secret: string | null = null;
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (hash.get('secret')) {
    secret = hash.get('secret');
    // Keep the router's own history state; only the fragment goes.
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  } else if (window.cohearDesktop) {
    secret = (await window.cohearDesktop.serverInfo()).facilitatorSecret;
  }
  if (!secret) return null;
  await signInDesktop(secret);
  return whoAmI();
}
