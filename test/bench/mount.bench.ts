// Time to build the sandbox's mount tree for a folder of 2,000 files, next to reading the same files with fs
// alone (fs.promises.readdir plus fs.promises.readFile, with the same 64 reads in flight). Both read the same
// files. The mount tree also matches .gitignore and files.exclude, checks symlinks, .env files and the limits,
// but reads with fs's callback API, which costs less per file. A second line compares it with a baseline that
// reads with the callback fs.readFile too, which isolates the cost of the checks.
// Goal: at most 1.5×. Run alone with `npx tsx test/bench/mount.bench.ts`.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMountTree } from '../../src/driver/mount-tree';
import { median, printRatio, timeEach } from './bench-util';

const FILE_COUNT = 2_000;
const FOLDERS = 40;
const RUNS = 21;
const CONCURRENCY = 64;

/** Writes FILE_COUNT text files of 200 B to 8 KiB into FOLDERS folders two levels deep, plus a .gitignore. */
function generateFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mount-bench-'));
  // Patterns that a real project has and that match none of the generated files, so both sides read the same set.
  fs.writeFileSync(path.join(root, '.gitignore'), 'dist/\ncoverage/\n*.log\n.cache/\n!important.log\n');

  for (let index = 0; index < FILE_COUNT - 1; index++) {
    const folder = path.join(root, 'src', `module-${index % FOLDERS}`, index % 3 === 0 ? 'nested' : '');
    fs.mkdirSync(folder, { recursive: true });
    const size = 200 + ((index * 7919) % 8000);
    fs.writeFileSync(path.join(folder, `file-${index}.ts`), `// file ${index}\n${'x'.repeat(size)}\n`);
  }
  return root;
}

/** Reads a file with the callback API, which has less overhead per file than fs.promises.readFile. */
function readFileWithCallback(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => fs.readFile(file, (error, contents) => (error ? reject(error) : resolve(contents))));
}

/** Reads every file under `root` with fs alone, as the baseline; returns the byte count. */
async function readWithFs(root: string, readFile: (file: string) => Promise<Buffer> = (file) => fs.promises.readFile(file)): Promise<number> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.promises.readdir(folder, { withFileTypes: true });
    await Promise.all(
      entries.map((entry) => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) return walk(full);
        files.push(full);
        return undefined;
      }),
    );
  };
  await walk(root);

  // The contents are kept, as the mount tree keeps them, so both sides hold the same memory.
  const contents: Buffer[] = [];
  let bytes = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      contents[index] = await readFile(files[index]);
      bytes += contents[index].byteLength;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return bytes;
}

async function main(): Promise<void> {
  const root = generateFolder();
  try {
    const exclude = ['**/.git', '**/.DS_Store', '**/Thumbs.db', 'coverage/**'];
    const options = { exclude, maxFiles: 10_000, maxTotalBytes: 1024 * 1024 * 1024 };

    // Both sides must see the same files and bytes, or the comparison means nothing.
    const tree = await buildMountTree(root, options);
    const baselineBytes = await readWithFs(root);
    if (tree.fileCount !== FILE_COUNT || tree.totalBytes !== baselineBytes) {
      throw new Error(`mount tree read ${tree.fileCount} files, ${tree.totalBytes} bytes; fs read ${baselineBytes} bytes`);
    }

    // The first build above warmed the page cache. The runs interleave, so background load affects all alike.
    const ours: number[] = [];
    const baseline: number[] = [];
    const callbackBaseline: number[] = [];
    const contenders: Array<[number[], () => Promise<unknown>]> = [
      [ours, () => buildMountTree(root, options)],
      [baseline, () => readWithFs(root)],
      [callbackBaseline, () => readWithFs(root, readFileWithCallback)],
    ];
    for (let run = 0; run < RUNS; run++) {
      // The order rotates each round, so that no contender always runs right after another's garbage.
      for (let offset = 0; offset < contenders.length; offset++) {
        const [times, body] = contenders[(run + offset) % contenders.length];
        times.push(...(await timeEach(1, body)));
      }
    }

    console.log(`${FILE_COUNT} files, ${(tree.totalBytes / 1024 / 1024).toFixed(1)} MiB, median of ${RUNS} runs each, page cache warm`);
    printRatio('buildMountTree', median(ours), 'fs.promises readdir + readFile', median(baseline), 1.5);
    printRatio('buildMountTree', median(ours), 'fs.promises readdir + callback fs.readFile', median(callbackBaseline));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
