import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './participant.css';
import { I18nProvider } from './i18n/i18n.tsx';
import { applyStoredTextSize } from './Preferences.tsx';
import { Shell } from './Shell.tsx';

applyStoredTextSize();
// join.html holds a plain form that works before this script arrives; whatever was typed there
// is carried into the enhanced form, with the focus.
const plain = document.getElementById('join-code') as HTMLInputElement | null;
const typed = plain?.value ?? '';
const hadFocus = plain !== null && document.activeElement === plain;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <Shell initialCode={typed} />
    </I18nProvider>
  </StrictMode>,
);
if (hadFocus) requestAnimationFrame(() => document.getElementById('join-code')?.focus());

// The service worker keeps the page, so a reload with no signal shows the room as last seen.
// Registered once the page has loaded, so on a slow network it never competes with the page.
if ('serviceWorker' in navigator)
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/join-sw.js', { scope: '/join' }).catch(() => undefined);
  });
