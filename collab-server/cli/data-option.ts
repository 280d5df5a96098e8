import { Store, defaultDataFolder, prepareDataFolder } from '../store/index.ts';

export interface DataOption {
  data?: string;
}

/** Opens the store of the folder named by --data, or of the user's default data folder. */
export function openStore(opts: DataOption): Store {
  const folder = opts.data
    ? prepareDataFolder(opts.data)
    : prepareDataFolder(defaultDataFolder(), { isDefault: true });
  return Store.openFolder(folder);
}

export function dataFolderOf(opts: DataOption): string {
  return opts.data
    ? prepareDataFolder(opts.data)
    : prepareDataFolder(defaultDataFolder(), { isDefault: true });
}

/** Runs `fn` with the store open, closing it whatever happens. */
export async function withStore<T>(
  opts: DataOption,
  fn: (store: Store) => T | Promise<T>,
): Promise<T> {
  const store = openStore(opts);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
