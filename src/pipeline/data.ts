/**
 * Where the data files live: `data/` at the package root, found relative to this module
 * so it works from src/ (tests) and dist/ (built CLI) alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the package root (the folder holding package.json and data/). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a file under data/, e.g. dataPath('lexicons', 'triggers.json'). */
export function dataPath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, 'data', ...parts);
}

/** Read and parse a JSON data file. Throws with the file name when it is missing or not JSON. */
export function readDataJson<T>(...parts: string[]): T {
  const file = dataPath(...parts);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot read data file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
