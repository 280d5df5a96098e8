import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
  }
}

/** Where a desktop app keeps its data on each platform, under "Cohear". */
export function defaultDataFolder(): string {
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cohear');
  }
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'Cohear');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'cohear');
}

/**
 * Makes sure `dir` is a folder we can write. A missing folder is created only when its parent
 * exists (a mistyped path far from anything real is refused rather than built), and the
 * default folder is always created.
 */
export function prepareDataFolder(dir: string, options: { isDefault?: boolean } = {}): string {
  const abs = path.resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory())
      throw new DataFolderError(`The data folder ${abs} is a file, not a folder.`);
  } else {
    const parent = path.dirname(abs);
    if (!options.isDefault && !existsSync(parent)) {
      throw new DataFolderError(
        `The data folder ${abs} does not exist, and neither does ${parent}. Check the path given to --data.`,
      );
    }
    try {
      mkdirSync(abs, { recursive: true });
    } catch (e) {
      throw new DataFolderError(`Could not create the data folder ${abs}: ${(e as Error).message}`);
    }
  }
  try {
    accessSync(abs, constants.W_OK | constants.R_OK);
  } catch {
    throw new DataFolderError(
      `The data folder ${abs} cannot be written to. Check its permissions.`,
    );
  }
  return abs;
}

export const DATABASE_FILE = 'cohear.sqlite';
