import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file`, returning the rule ids that fired. */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('module boundaries (ESLint)', () => {
  it('keeps Node, the DOM and Electron out of core/', async () => {
    expect(
      await rulesFor('core/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFor('core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toContain('no-restricted-imports');
    expect(await rulesFor('core/x.ts', 'export const a = document.title;\n')).toContain(
      'no-restricted-globals',
    );
    expect(
      await rulesFor(
        'core/x.ts',
        "import { Store } from '../collab-server/store/index.ts';\nexport const a = Store;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps Node and the server out of the renderer, and electron out of everything but electron/', async () => {
    expect(
      await rulesFor('renderer/src/x.ts', "import os from 'node:os';\nexport const a = os;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFor(
        'renderer/src/x.ts',
        "import { Store } from '../../collab-server/store/index.ts';\nexport const a = Store;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFor(
        'collab-server/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFor('electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).not.toContain('no-restricted-imports');
  });

  it('lets core/ use pure libraries', async () => {
    expect(
      await rulesFor('core/x.ts', "import { z } from 'zod';\nexport const a = z.string();\n"),
    ).toEqual([]);
  });
});
