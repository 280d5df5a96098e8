/**
 * An id that is the same every time for the same parts, so importing a file twice writes the same
 * notes again instead of copies. Two independent 53-bit hashes (cyrb53 with different seeds):
 * collisions among the few thousand notes of one session are out of reach, and it is synchronous
 * and works in the browser as in Node.
 * @example stableId('t', [sessionId, '00:01:02.000', 'words']) // 't_3fa9...'
 */
export function stableId(prefix: string, parts: readonly string[]): string {
  const text = parts.join('\u241f');
  return `${prefix}_${cyrb53(text, 0x9e3779b9).toString(36)}${cyrb53(text, 0x85ebca6b).toString(36)}`;
}

function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
