// Runs every benchmark in this folder, one child process each so that caches and JIT state do not leak between them.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const benchmarks = fs
  .readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

let failed = 0;
for (const name of benchmarks) {
  console.log(`\n## ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, name)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`${name} failed with exit code ${result.status ?? result.signal}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
