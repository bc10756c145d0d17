// Picks the reader for a lockfile by its file name and turns every failure into an error result.

import { readBunLock } from './bun-lock-reader';
import type { DependencyGraph } from './dependency-graph';
import { baseName } from './file-reader';
import { InvalidLockfileError } from './invalid-lockfile-error';
import { readPackageLock } from './package-lock-reader';
import { readPnpmLock } from './pnpm-lock-reader';
import { readYarnBerryLock } from './yarn-berry-lock-reader';
import { readYarnClassicLock } from './yarn-classic-lock-reader';

/** Lockfile names in the order they are looked for in one folder; npm prefers npm-shrinkwrap.json over package-lock.json. */
export const LOCKFILE_NAMES = ['npm-shrinkwrap.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'] as const;

export type LockfileName = (typeof LOCKFILE_NAMES)[number];

/**
 * Lockfiles longer than this many UTF-16 units are rejected rather than parsed (64 Mi). The largest public
 * monorepo lockfiles are tens of megabytes; this bound keeps a pathological file from stalling the editor.
 */
export const MAX_LOCKFILE_LENGTH = 64 * 1024 * 1024;

export type ReadLockfileResult = { ok: true; graph: DependencyGraph } | { ok: false; error: string };

/** Parses a lockfile by its name (a bare name or a path ending in one). Never throws. */
export function readLockfile(text: string, fileName: string): ReadLockfileResult {
  if (typeof text !== 'string') return { ok: false, error: 'The lockfile text is not a string.' };
  if (text.length > MAX_LOCKFILE_LENGTH) {
    return { ok: false, error: `${baseName(fileName)} is ${text.length} characters long, more than the ${MAX_LOCKFILE_LENGTH} this analysis reads.` };
  }

  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, graph: parseByName(content, baseName(String(fileName))) };
  } catch (error) {
    if (error instanceof InvalidLockfileError) return { ok: false, error: error.message };
    // A parser failing in an unexpected way (stack overflow on deep nesting, for example) is still bad input.
    return { ok: false, error: `${baseName(String(fileName))} could not be read: ${(error as Error).message}` };
  }
}

function parseByName(text: string, name: string): DependencyGraph {
  switch (name) {
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return readPackageLock(parseJson(text, name), name === 'package-lock.json' ? 'package-lock' : 'npm-shrinkwrap');
    case 'pnpm-lock.yaml':
      return readPnpmLock(text);
    case 'yarn.lock':
      return /^__metadata:/m.test(text) ? readYarnBerryLock(text) : readYarnClassicLock(text);
    case 'bun.lock':
      return readBunLock(text);
    case 'bun.lockb':
      throw new InvalidLockfileError('bun.lockb is a binary lockfile. Run `bun install --save-text-lockfile` to write bun.lock, which this analysis reads.');
    default:
      throw new InvalidLockfileError(`"${name}" is not a supported lockfile name; expected one of ${LOCKFILE_NAMES.join(', ')}.`);
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidLockfileError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}
