// Types of cli/build-cli.mjs (a plain script, so that `npm install` runs it without tsx).
export const APP_DIR: string;
export const DIST: string;
export const ENTRY: string;
export const INPUTS: string;
export const METAFILE: string;
export function buildCli(options?: { clean?: boolean }): Promise<string[]>;
export function isStale(): boolean;
export function ensureFresh(): Promise<boolean>;
