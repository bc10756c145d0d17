// Builds the file tree mounted into the WebContainer from a folder on disk. Pure Node: no vscode, no DOM.
//
// Left out: node_modules and .git at any depth, and paths matched by .gitignore files inside the folder or by the
// `exclude` globs (VS Code's files.exclude). Also left out: .env files unless allowed, sockets and other special
// files, and symlinks whose target is outside the folder. A symlink to a path inside the folder is mounted as a link.

import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { MountNode, MountTree } from './container';

export const DEFAULT_MAX_FILES = 5_000;
export const DEFAULT_MAX_TOTAL_BYTES = 50 * 1024 * 1024;

/** Files read at the same time; enough to keep the disk busy without running out of file descriptors. */
const READ_CONCURRENCY = 64;

const ALWAYS_EXCLUDED_NAMES = new Set(['node_modules', '.git']);

/** `.env`, `.env.local`, `.env.production` and so on, but not templates meant to be committed. */
const ENV_FILE = /^\.env(\..+)?$/;
const ENV_TEMPLATE = /\.(example|sample|template|dist)$/;

export interface MountTreeOptions {
  /** Glob patterns, as in VS Code's files.exclude (only the patterns set to true), relative to `excludeBase`. */
  exclude?: readonly string[];
  /**
   * Path of the mounted folder relative to the folder the `exclude` globs are written for, with `/` separators:
   * the package's folder inside its workspace folder. Default '' (the same folder).
   */
  excludeBase?: string;
  /** Mount .env files too. Default false, because they usually hold secrets. */
  includeEnvFiles?: boolean;
  /** Default DEFAULT_MAX_FILES. Symlinks count as files. */
  maxFiles?: number;
  /** Sum of file sizes in bytes. Default DEFAULT_MAX_TOTAL_BYTES. */
  maxTotalBytes?: number;
}

export type SkipReason = 'symlink-outside-folder' | 'broken-symlink' | 'env-file' | 'special-file' | 'unreadable';

/** A path left out for a reason the user may want to know; ignored and excluded paths are not listed. */
export interface SkippedPath {
  path: string;
  reason: SkipReason;
}

export interface MountTreeResult {
  tree: MountTree;
  fileCount: number;
  totalBytes: number;
  skipped: SkippedPath[];
}

/** The folder has more files or bytes than a limit allows. */
export class MountLimitError extends Error {
  constructor(
    readonly limit: 'maxFiles' | 'maxTotalBytes',
    readonly maximum: number,
    readonly setting: string,
  ) {
    const amount = limit === 'maxFiles' ? `${maximum} files` : `${formatBytes(maximum)}`;
    super(
      `The folder is larger than the sandbox allows (more than ${amount}). ` +
        `Add paths to .gitignore or files.exclude, or raise the setting "${setting}".`,
    );
    this.name = 'MountLimitError';
  }
}

/** Reads the folder into a mount tree, checking the limits as it goes. */
export async function buildMountTree(folder: string, options: MountTreeOptions = {}): Promise<MountTreeResult> {
  const walker = new MountTreeWalker(await fs.promises.realpath(folder), options);
  await walker.walkDirectory('', walker.tree, []);
  await walker.finish();
  return { tree: walker.tree, fileCount: walker.fileCount, totalBytes: walker.totalBytes, skipped: walker.skipped };
}

interface GitignoreScope {
  /** Folder of the .gitignore file, relative to the root, '' for the root. */
  base: string;
  rules: Ignore;
}

class MountTreeWalker {
  readonly tree: MountTree = emptyFolder();
  readonly skipped: SkippedPath[] = [];
  fileCount = 0;
  totalBytes = 0;

  private readonly maxFiles: number;
  private readonly maxTotalBytes: number;
  private readonly isExcluded: (relativePath: string) => boolean;
  /** Files found by the walk, read after it by readFiles. */
  private readonly pendingReads: Array<{ target: MountTree; name: string; relativePath: string }> = [];
  private failure: unknown;

  constructor(
    private readonly root: string,
    private readonly options: MountTreeOptions,
  ) {
    this.maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    this.maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
    const patterns = (options.exclude ?? []).filter((pattern) => pattern.length > 0);
    const matches = patterns.length > 0 ? picomatch([...patterns], { dot: true }) : () => false;
    const base = (options.excludeBase ?? '').replace(/^\/+|\/+$/g, '');
    this.isExcluded = base === '' ? matches : (relativePath) => matches(`${base}/${relativePath}`);
  }

  async walkDirectory(relativeDir: string, target: MountTree, outerScopes: GitignoreScope[]): Promise<void> {
    this.throwIfFailed();
    const absoluteDir = path.join(this.root, relativeDir);
    const entries = await fs.promises.readdir(absoluteDir, { withFileTypes: true });
    const scopes = await this.withGitignore(relativeDir, entries, outerScopes);

    const subdirectories: Promise<void>[] = [];
    for (const entry of entries) {
      const relativePath = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (this.isLeftOut(entry, relativePath, scopes)) continue;

      if (entry.isDirectory()) {
        const directory = emptyFolder();
        target[entry.name] = { directory };
        subdirectories.push(this.walkDirectory(relativePath, directory, scopes));
      } else if (entry.isFile()) {
        this.countFile();
        this.pendingReads.push({ target, name: entry.name, relativePath });
      } else if (entry.isSymbolicLink()) {
        await this.addSymlink(target, entry.name, relativeDir, relativePath);
      } else {
        this.skipped.push({ path: relativePath, reason: 'special-file' });
      }
    }
    await Promise.all(subdirectories);
  }

  /**
   * Reads the files the walk found, READ_CONCURRENCY at a time, and rethrows the first failure (a limit, or an
   * I/O error other than a vanished file). Reading after the walk measured faster than reading during it, because
   * the directory listings then do not wait behind file reads in libuv's thread pool.
   */
  async finish(): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.pendingReads.length && !this.failure) {
        const { target, name, relativePath } = this.pendingReads[next++];
        try {
          const contents = await this.readCounted(relativePath);
          if (contents) target[name] = { file: { contents } } satisfies MountNode;
        } catch (error) {
          this.failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    this.throwIfFailed();
  }

  private isLeftOut(entry: fs.Dirent, relativePath: string, scopes: GitignoreScope[]): boolean {
    if (ALWAYS_EXCLUDED_NAMES.has(entry.name)) return true;
    if (isIgnoredByGitignore(scopes, relativePath, entry.isDirectory())) return true;
    if (this.isExcluded(relativePath)) return true;

    if (!this.options.includeEnvFiles && !entry.isDirectory() && ENV_FILE.test(entry.name) && !ENV_TEMPLATE.test(entry.name)) {
      this.skipped.push({ path: relativePath, reason: 'env-file' });
      return true;
    }
    return false;
  }

  private async withGitignore(relativeDir: string, entries: fs.Dirent[], outerScopes: GitignoreScope[]): Promise<GitignoreScope[]> {
    const gitignore = entries.find((entry) => entry.name === '.gitignore' && entry.isFile());
    if (!gitignore) return outerScopes;

    const text = await fs.promises.readFile(path.join(this.root, relativeDir, '.gitignore'), 'utf8');
    return [...outerScopes, { base: relativeDir, rules: ignore().add(text) }];
  }

  private countFile(): void {
    this.fileCount += 1;
    if (this.fileCount > this.maxFiles) {
      throw new MountLimitError('maxFiles', this.maxFiles, 'webcontainerCompat.sandbox.maxFiles');
    }
  }

  private async addSymlink(target: MountTree, name: string, relativeDir: string, relativePath: string): Promise<void> {
    let resolved: string;
    try {
      resolved = await fs.promises.realpath(path.join(this.root, relativePath));
    } catch {
      this.skipped.push({ path: relativePath, reason: 'broken-symlink' });
      return;
    }

    if (!isInside(this.root, resolved)) {
      this.skipped.push({ path: relativePath, reason: 'symlink-outside-folder' });
      return;
    }

    // The folder is mounted at the container's workdir, so the link target is written relative to the link itself.
    const linkTarget = path.relative(path.join(this.root, relativeDir), resolved).split(path.sep).join('/');
    this.countFile();
    target[name] = { file: { symlink: linkTarget === '' ? '.' : linkTarget } };
  }

  /** Reads one file and adds its size to the byte count, which throws once the total is over the limit. */
  private async readCounted(relativePath: string): Promise<Uint8Array | undefined> {
    let contents: Buffer;
    try {
      contents = await readFileWithCallback(path.join(this.root, relativePath));
    } catch (error) {
      // Node refuses files over 2 GiB, which is over any byte limit the settings allow.
      if ((error as NodeJS.ErrnoException).code === 'ERR_FS_FILE_TOO_LARGE') {
        throw new MountLimitError('maxTotalBytes', this.maxTotalBytes, 'webcontainerCompat.sandbox.maxTotalBytes');
      }
      // A file deleted since the folder was listed is simply gone; any other failure is reported.
      this.fileCount -= 1;
      if (!isVanished(error)) this.skipped.push({ path: relativePath, reason: 'unreadable' });
      return undefined;
    }

    this.addBytes(contents.byteLength);
    return contents;
  }

  private addBytes(count: number): void {
    this.totalBytes += count;
    if (this.totalBytes > this.maxTotalBytes) {
      throw new MountLimitError('maxTotalBytes', this.maxTotalBytes, 'webcontainerCompat.sandbox.maxTotalBytes');
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

/**
 * Reads a whole file with fs.readFile's callback API, which measured faster per file than fs.promises.readFile
 * and than open, fstat and read with a size check before the read (test/bench/mount.bench.ts).
 * NOTE: the byte limit is therefore checked after each read, so one file larger than the remaining budget is
 * loaded into memory before the limit rejects it.
 */
function readFileWithCallback(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => fs.readFile(file, (error, contents) => (error ? reject(error) : resolve(contents))));
}

/** Applies every .gitignore from the root down to the entry's folder; a deeper file overrides a shallower one. */
function isIgnoredByGitignore(scopes: GitignoreScope[], relativePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const local = scope.base === '' ? relativePath : relativePath.slice(scope.base.length + 1);
    const result = scope.rules.test(isDirectory ? `${local}/` : local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** Creates a folder map without a prototype, so a file named `__proto__` is stored like any other name. */
function emptyFolder(): MountTree {
  return Object.create(null) as MountTree;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function isVanished(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
