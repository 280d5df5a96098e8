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
 * Names match whole words, case-insensitively; a full name's parts of three or more letters
 * are matched on their own too, because people write "Sam said" as often as "Sam Patel".
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
  const pattern = namePattern(options.names ?? []);
  if (pattern) out = out.replace(pattern, REDACTION_TOKENS.name);
  return out;
}

/** The strings to look for in a text, longest first so a full name wins over its parts. */
export function nameVariants(names: readonly string[]): string[] {
  const set = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length < 2) continue;
    set.add(name);
    for (const part of name.split(/\s+/)) if (part.length >= 3) set.add(part);
  }
  return [...set].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const patternCache = new Map<string, RegExp | null>();

function namePattern(names: readonly string[]): RegExp | null {
  const variants = nameVariants(names);
  const key = variants.join('\u0000');
  const cached = patternCache.get(key);
  if (cached !== undefined) return cached;
  // Unicode-aware word edges: \b would treat "Siân" as ending before the "â".
  const pattern =
    variants.length === 0
      ? null
      : new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${variants.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        );
  if (patternCache.size > 50) patternCache.clear();
  patternCache.set(key, pattern);
  return pattern;
}

/** True when a text still holds something redactText would replace. */
export function containsPersonalData(text: string, options: RedactOptions = {}): boolean {
  return redactText(text, options) !== text;
}
