import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { personalStrings } from '../../core/analysis/index.ts';
import type { ProgrammeSnapshot } from '../../core/index.ts';

/** The REFI-QDA schemas live in ../shared beside the repository; CI has them, a laptop may not. */
export const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'refi-qda');
export const HAVE_SCHEMAS = existsSync(path.join(SCHEMA_DIR, 'Project.xsd'));

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cohear-exports-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every text entry of a zip (docx, xlsx, qdpx), by name. */
export async function zipTexts(file: string | Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(typeof file === 'string' ? await readFile(file) : file);
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || /\.(png|jpe?g|gif|emf)$/i.test(name)) continue;
    out.set(name, await entry.async('string'));
  }
  return out;
}

/** Undoes XML escaping so a secret with "&" or "'" is found in XML too. */
function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Personal strings of a snapshot that no redacted export may contain. */
export function secretsOf(snapshot: ProgrammeSnapshot, extra: readonly string[] = []): string[] {
  return [...new Set([...personalStrings(snapshot.participants), ...extra])];
}

/** Patterns of personal data that must not survive redaction anywhere in a file. */
export const PERSONAL_PATTERNS: RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.(?:org|com|net|co\.uk)\b/,
  /\b07\d{3}\s?\d{6}\b/,
  /\b\d{3}\s\d{3}\s\d{4}\b/,
];

/** Names the secrets (and personal-data patterns) found in a text, if any. */
export function leaks(text: string, secrets: readonly string[]): string[] {
  const plain = unescapeXml(text).toLowerCase();
  const found = secrets.filter((s) => plain.includes(s.toLowerCase()));
  for (const p of PERSONAL_PATTERNS) {
    const m = p.exec(unescapeXml(text));
    if (m) found.push(m[0]);
  }
  return found;
}
