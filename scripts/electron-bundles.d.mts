import type { BuildOptions } from 'esbuild';

export const root: string;
export const ELECTRON_BUNDLES: BuildOptions[];
