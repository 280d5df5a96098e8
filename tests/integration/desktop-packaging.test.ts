import { build, type Metafile } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../exports/common/fonts.ts';
import { ELECTRON_BUNDLES, root } from '../../scripts/electron-bundles.mjs';

/**
 * What can be checked of the packaged desktop app without the Electron binary (never downloaded
 * here): electron-builder's own loader accepts electron-builder.yml, the fuses are as
 * docs/security.md says, and everything the bundles load at runtime ships in the archive.
 */
const require = createRequire(import.meta.url);

interface BuilderConfig {
  asar?: boolean;
  asarUnpack?: string[];
  /** The loader normalises the list into file sets. */
  files?: Array<string | { filter: string[] }>;
  electronFuses?: Record<string, boolean>;
}

async function builderConfig(): Promise<BuilderConfig> {
  // The functions `electron-builder` itself runs before packaging: read the file, then validate
  // it against its schema (a misspelt option, a fuse name it does not know, fails here).
  const { getConfig, validateConfiguration } =
    require('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, file: string | null, extra: null): Promise<BuilderConfig>;
      validateConfiguration(c: BuilderConfig, logger: unknown): Promise<void>;
    };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** The npm packages a bundle imports at runtime (left external by esbuild). */
async function externalPackages(index: number): Promise<Set<string>> {
  const options = ELECTRON_BUNDLES[index];
  if (!options) throw new Error(`no bundle ${index}`);
  const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const meta: Metafile = result.metafile;
  const names = new Set<string>();
  for (const output of Object.values(meta.outputs))
    for (const imp of output.imports)
      if (imp.external && !imp.path.startsWith('node:')) {
        const parts = imp.path.split('/');
        names.add(imp.path.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string));
      }
  return names;
}

describe('desktop packaging', () => {
  it('sets every fuse the security notes promise, in a file electron-builder accepts', async () => {
    const config = await builderConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
    // Native modules and the files native code opens by path live beside the archive.
    for (const pattern of [
      '**/*.node',
      'node_modules/better-sqlite3/**',
      'node_modules/@napi-rs/**',
      'node_modules/@resvg/**',
    ])
      expect(config.asarUnpack).toContain(pattern);
    for (const font of Object.values(FONT_FILES)) {
      const inPackage = path.relative(root, font).split(path.sep).slice(0, 3).join('/');
      expect(config.asarUnpack).toContain(`${inPackage}/**`);
    }
    const files = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'electron/dist/**', 'renderer/dist/**']),
    );
  });

  it('ships every npm package the bundles load, and points package.json main at the bundle', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('electron/dist/main.mjs');
    expect(ELECTRON_BUNDLES[0]?.outfile).toBe(path.join(root, pkg.main));
    // electron-builder packs "dependencies" only: a devDependency imported at runtime would be
    // missing from the installed app.
    const shipped = new Set([...Object.keys(pkg.dependencies), 'electron']);
    for (const i of ELECTRON_BUNDLES.keys()) {
      const missing = [...(await externalPackages(i))].filter((n) => !shipped.has(n));
      expect(missing, `bundle ${ELECTRON_BUNDLES[i]?.outfile}`).toEqual([]);
    }
    const server = await externalPackages(2);
    expect(server).toContain('better-sqlite3');
    expect(server).not.toContain('tsx');
  });

  it('never runs the server under ELECTRON_RUN_AS_NODE or with a fork of the Electron binary', () => {
    // With the RunAsNode fuse off either would fail in the installed app only.
    for (const file of ['main.ts', 'embedded-server.ts', 'server-supervisor.ts']) {
      const text = readFileSync(path.join(root, 'electron', file), 'utf8');
      expect(text, file).not.toMatch(/ELECTRON_RUN_AS_NODE\s*:/);
      expect(text, file).not.toMatch(/process\.execPath/);
    }
  });
});
