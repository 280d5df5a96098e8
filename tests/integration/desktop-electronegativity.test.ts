import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * Electronegativity (Doyensec's Electron security scanner) over the desktop shell's sources.
 * It reports findings but always exits 0, so this reads its SARIF report and fails on any
 * finding not explained in electron/electronegativity-allowlist.json, and on any allowlist
 * entry that no longer matches (so the list stays a reviewed account of what is there).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
/** Needs the network (it looks up Electron releases); the version is pinned in package.json. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const allowlistEntry = z.strictObject({
  check: z.string().min(1),
  file: z.string().min(1),
  /** The flagged source line, trimmed: a second use of the same API is a new finding. */
  code: z.string(),
  reason: z.string().min(40),
});
const allowlistFile = z.strictObject({ allowed: z.array(allowlistEntry) });

const sarif = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          message: z.object({ text: z.string() }),
          locations: z.array(
            z.object({
              physicalLocation: z.object({
                artifactLocation: z.object({ uri: z.string() }),
                region: z.object({ startLine: z.number() }),
              }),
            }),
          ),
        }),
      ),
    }),
  ),
});

interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
type Runner = (options: Record<string, unknown>) => Promise<RunResult>;

/**
 * The scanner fetches translations from GitHub before every run. Its own loader module is
 * replaced (in Node's module cache, before the scanner loads it) by one that reads the English
 * strings it ships, so the test runs offline and never waits on the network.
 */
function offlineRunner(): Runner {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const fromScanner = createRequire(runnerPath);
  const i18nLoader = fromScanner.resolve('./locales/i18n.js');
  const i18n = fromScanner('i18n') as {
    configure(o: Record<string, unknown>): void;
    setLocale(l: string): void;
  };
  const loader = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nLoader),
      updateFiles: false,
      objectNotation: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  const m = new Module(i18nLoader);
  m.filename = i18nLoader;
  m.loaded = true;
  m.exports = Object.assign(loader, { default: loader });
  require.cache[i18nLoader] = m;
  return require(runnerPath) as Runner;
}

/** The scanner writes its report with an unawaited fs.writeFile, after its promise resolves. */
async function reportWhenWritten(file: string): Promise<unknown> {
  const start = Date.now();
  for (;;) {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      if (Date.now() - start > 30_000) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cohear-desktop-scan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('electronegativity over electron/', () => {
  it('finds nothing that the reviewed allowlist does not explain', async () => {
    // The sources only: electron/dist holds bundles of the whole server when built.
    const src = path.join(tmp, 'electron');
    const files = readdirSync(path.join(root, 'electron')).filter((f) =>
      /\.(ts|js|mjs|cjs)$/.test(f),
    );
    expect(files).toContain('main.ts');
    for (const f of files) cpSync(path.join(root, 'electron', f), path.join(src, f));
    const report = path.join(tmp, 'report.sarif');

    const result = await offlineRunner()({
      input: src,
      output: report,
      isSarif: true,
      excludeFromScan: EXCLUDED_CHECKS,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
    });
    // A file the scanner could not parse would be silently unchecked.
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.globalChecks).toBeGreaterThan(3);

    const findings = sarif.parse(await reportWhenWritten(report)).runs.flatMap((run) =>
      run.results.map((r) => {
        const where = r.locations[0]?.physicalLocation;
        const file = where?.artifactLocation.uri ?? 'N/A';
        const line = where?.region.startLine ?? 0;
        const code = files.includes(file)
          ? (readFileSync(path.join(src, file), 'utf8').split('\n')[line - 1] ?? '').trim()
          : '';
        return { check: r.ruleId, file, code, line, message: r.message.text };
      }),
    );
    const allowlist = allowlistFile.parse(
      JSON.parse(
        readFileSync(path.join(root, 'electron', 'electronegativity-allowlist.json'), 'utf8'),
      ),
    ).allowed;
    const explained = (f: (typeof findings)[number]) =>
      allowlist.some((a) => a.check === f.check && a.file === f.file && a.code === f.code);
    const unexplained = findings.filter((f) => !explained(f));
    expect(unexplained, 'findings not in electron/electronegativity-allowlist.json').toEqual([]);
    const stale = allowlist.filter(
      (a) => !findings.some((f) => a.check === f.check && a.file === f.file && a.code === f.code),
    );
    expect(stale, 'allowlist entries that match no finding any more').toEqual([]);
  });
});
