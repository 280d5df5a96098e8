/**
 * Links from before the app had real URLs (`#/programme/<id>`, `#/session/<p>/<s>`) still open
 * the screen they named: bookmarks and links in old emails keep working.
 */
export function legacyPath(hash: string): string | null {
  const parts = hash.replace(/^#\/?/, '').split('/').map(safeDecode);
  const enc = encodeURIComponent;
  if (parts[0] === 'programme' && parts[1]) return `/programmes/${enc(parts[1])}`;
  if (parts[0] === 'session' && parts[1] && parts[2])
    return `/programmes/${enc(parts[1])}/sessions/${enc(parts[2])}/run`;
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
