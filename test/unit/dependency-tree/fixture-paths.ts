// Locations of the lockfile fixtures: one scenario written in each supported format.

import * as path from 'path';

export const LOCKFILE_FIXTURES = path.resolve(__dirname, '../../fixtures/lockfiles');

export interface FormatFixture {
  folder: string;
  lockfile: string;
  /** The lockfile records install scripts (npm's hasInstallScript, pnpm 6's requiresBuild). */
  recordsInstallScripts: boolean;
  /** The lockfile records os/cpu, so packages for other systems are recognised by their fields. */
  recordsPlatforms: boolean;
  /** The lockfile records which root dependencies are dev ones. */
  recordsDev: boolean;
}

export const FORMAT_FIXTURES: FormatFixture[] = [
  { folder: 'npm-v3', lockfile: 'package-lock.json', recordsInstallScripts: true, recordsPlatforms: true, recordsDev: true },
  { folder: 'npm-v2', lockfile: 'package-lock.json', recordsInstallScripts: true, recordsPlatforms: true, recordsDev: true },
  { folder: 'npm-shrinkwrap', lockfile: 'npm-shrinkwrap.json', recordsInstallScripts: true, recordsPlatforms: true, recordsDev: true },
  { folder: 'pnpm-v6', lockfile: 'pnpm-lock.yaml', recordsInstallScripts: true, recordsPlatforms: true, recordsDev: true },
  { folder: 'pnpm-v9', lockfile: 'pnpm-lock.yaml', recordsInstallScripts: false, recordsPlatforms: true, recordsDev: true },
  { folder: 'yarn-v1', lockfile: 'yarn.lock', recordsInstallScripts: false, recordsPlatforms: false, recordsDev: false },
  { folder: 'yarn-berry', lockfile: 'yarn.lock', recordsInstallScripts: false, recordsPlatforms: true, recordsDev: false },
  { folder: 'bun', lockfile: 'bun.lock', recordsInstallScripts: false, recordsPlatforms: true, recordsDev: true },
];
