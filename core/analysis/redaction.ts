/**
 * Personal data inside free text. Notes are typed or spoken in a hurry and people do write
 * their email, phone number or NHS number into them; every export passes text through here.
 */

export const REDACTION_TOKENS = {
  email: '[email removed]',
  phone: '[phone number removed]',
  nhsNumber: '[NHS number removed]',
  postcode: '[postcode removed]',
  name: '[name removed]',
} as const;

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// NHS numbers are ten digits, usually written 3-3-4 with spaces or hyphens. Matched before phone
// numbers so a 10-digit NHS number is named for what it is.
const NHS_NUMBER = /(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/g;
// UK numbers: +44 or 0 then 9-10 more digits, with spaces, hyphens or brackets between groups.
const PHONE = /(?:\+44\s?\(?0?\)?|\(?0)\d(?:[\s()-]*\d){8,9}(?!\d)/g;
// Full UK postcodes (outward and inward code), for example "LS1 4AP" or "sw1a1aa".
const POSTCODE = /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

export interface RedactOptions {
  /** Names (and other exact strings, such as contact details) known to belong to people. */
  names?: readonly string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces emails, UK phone numbers, NHS numbers, UK postcodes and the given names in a text.
 * A full name matches whole words in any case. Its parts of three or more letters match on their
 * own too, because people write "Sam said" as often as "Sam Patel", but only as capitalised in
 * the name, so a participant called Will does not blank out every "will".
 *
 * @example redactText('Call Jo on 07700 900123', { names: ['Jo Bloggs'] })
 *   // 'Call [name removed] on [phone number removed]'
 */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text
    .replace(EMAIL, REDACTION_TOKENS.email)
    .replace(PHONE, REDACTION_TOKENS.phone)
    .replace(NHS_NUMBER, REDACTION_TOKENS.nhsNumber)
    .replace(POSTCODE, REDACTION_TOKENS.postcode);
  for (const pattern of namePatterns(options.names ?? [])) {
    out = out.replace(pattern, REDACTION_TOKENS.name);
  }
  return out;
}

function nameParts(names: readonly string[]): { full: string[]; parts: string[] } {
  const full = new Set<string>();
  const parts = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length < 2) continue;
    full.add(name);
    for (const part of name.split(/\s+/)) if (part.length >= 3 && part !== name) parts.add(part);
  }
  const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);
  return { full: [...full].sort(byLength), parts: [...parts].sort(byLength) };
}

const patternCache = new Map<string, RegExp[]>();

function namePatterns(names: readonly string[]): RegExp[] {
  const key = names.join('\u0000');
  const cached = patternCache.get(key);
  if (cached) return cached;
  const { full, parts } = nameParts(names);
  // Unicode-aware word edges: \b would treat "Siân" as ending before the "â".
  const build = (list: string[], flags: string) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${list.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
      flags,
    );
  const patterns: RegExp[] = [];
  if (full.length > 0) patterns.push(build(full, 'giu'));
  if (parts.length > 0) patterns.push(build(parts, 'gu'));
  if (patternCache.size > 50) patternCache.clear();
  patternCache.set(key, patterns);
  return patterns;
}

/** True when a text still holds something redactText would replace. */
export function containsPersonalData(text: string, options: RedactOptions = {}): boolean {
  return redactText(text, options) !== text;
}
