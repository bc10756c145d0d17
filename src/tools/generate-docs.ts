// Writes docs/webcontainer-compatibility.md from the runtime and native-package tables (`npm run docs`).
// test/unit/generated-docs.test.ts renders the page again and fails when the committed file differs.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPAT_FACTS, sourceUrl, type CompatFactId } from '../core/compat-facts';
import { isNeverNative, nativeSeverity } from '../core/native-dependency-checker';
import { NATIVE_PACKAGES, type NativePackageInfo, type NativeRemedy } from '../core/native-packages';
import { RUNTIME_COMPAT_MATRIX, type RuntimeCompatEntry } from '../core/runtime-compat-matrix';

export const COMPATIBILITY_DOC_PATH = join(__dirname, '..', '..', 'docs', 'webcontainer-compatibility.md');

const REMEDY_LABELS: Record<NativeRemedy, string> = {
  'drop-in': 'drop-in swap',
  'code-change': 'swap with code changes',
  'swapped-by-webcontainer': 'swapped by WebContainer',
  'wasm32-install': 'install with `--cpu=wasm32`',
  'optional-native': 'native part optional',
  none: 'none known',
};

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function factLinks(facts: readonly CompatFactId[] | undefined): string {
  if (!facts || facts.length === 0) return '—';
  return facts
    .map((id) => `[${id}](#${id})${COMPAT_FACTS[id].unconfirmed ? ' *(unconfirmed)*' : ''}`)
    .join(', ');
}

function supportedLabel(entry: RuntimeCompatEntry): string {
  if (entry.supported) return 'yes';
  if (entry.unsupportedSubcommands) return `partly: ${entry.unsupportedSubcommands.map((sub) => `\`${sub}\``).join(', ')} fail`;
  if (entry.supportedSubcommands) return `only ${entry.supportedSubcommands.map((sub) => `\`${sub}\``).join(', ')}`;
  return entry.severity === 'warning' ? 'may fail' : 'no';
}

/** Groups consecutive keys that share one entry object, such as the jsh commands, into one row. */
function groupRuntimeRows(): Array<{ keys: string[]; entry: RuntimeCompatEntry }> {
  const rows: Array<{ keys: string[]; entry: RuntimeCompatEntry }> = [];
  for (const [key, entry] of Object.entries(RUNTIME_COMPAT_MATRIX)) {
    const last = rows[rows.length - 1];
    if (last && last.entry === entry) last.keys.push(key);
    else rows.push({ keys: [key], entry });
  }
  return rows;
}

function renderRuntimeTable(): string[] {
  const lines = [
    '| Runtime | Supported | Reason | Fallback Driver | Severity | Facts |',
    '|---|---|---|---|---|---|',
  ];
  for (const { keys, entry } of groupRuntimeRows()) {
    const unsupported = !entry.supported;
    const reason = unsupported ? entry.reason ?? '' : entry.note ?? '';
    lines.push(
      [
        keys.map((key) => `\`${key}\``).join(', '),
        supportedLabel(entry),
        cell(reason),
        unsupported && entry.fallbackDriver ? entry.fallbackDriver : '—',
        unsupported ? entry.severity ?? 'error' : '—',
        factLinks(entry.facts),
      ].join(' | ').replace(/^/, '| ') + ' |',
    );
  }
  return lines;
}

function alternativeCell(info: NativePackageInfo): string {
  if (!info.alternative) return '—';
  return info.alternativeVersion ? `\`${info.alternative}\` (${info.alternativeVersion})` : `\`${info.alternative}\``;
}

function renderNativeTable(): string[] {
  const lines = [
    '| Package | Native | Recommended Alternative | Remedy | Severity | Note | Facts |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, info] of Object.entries(NATIVE_PACKAGES)) {
    lines.push(
      [
        `\`${name}\``,
        `yes (${info.kind ?? 'addon'})`,
        alternativeCell(info),
        REMEDY_LABELS[info.remedy],
        nativeSeverity(info),
        cell(info.note ?? ''),
        factLinks(info.facts),
      ].join(' | ').replace(/^/, '| ') + ' |',
    );
  }
  return lines;
}

function renderSources(): string[] {
  const lines: string[] = [];
  for (const [id, fact] of Object.entries(COMPAT_FACTS)) {
    lines.push(`### ${id}`, '');
    lines.push(fact.unconfirmed ? `*Unconfirmed.* ${fact.statement}` : fact.statement, '');

    const sources = fact.sources.map((source) => {
      const url = sourceUrl(source);
      return url ? `[${source}](${url})` : source;
    });
    lines.push(sources.length > 0 ? `Sources: ${sources.join('; ')}.` : 'Sources: none recorded.', '');
  }
  return lines;
}

/** Returns the whole page; the same tables always give the same text. */
export function renderCompatibilityDoc(): string {
  const unsupported = Object.values(RUNTIME_COMPAT_MATRIX).filter((entry) => !entry.supported).length;
  const neverNativeExamples = ['@types/better-sqlite3', 'bcryptjs', 'sass', 'sql.js', '@tensorflow/tfjs', 'iconv-lite', 'react-native-screens', 'expo-camera'];
  if (!neverNativeExamples.every(isNeverNative)) throw new Error('The never-native examples in the docs no longer match isNeverNative().');

  const lines = [
    '# WebContainer compatibility',
    '',
    '<!-- Generated by `npm run docs` from src/core/runtime-compat-matrix.ts, src/core/native-packages.ts and',
    '     src/core/compat-facts.ts. Edit those files, not this one. -->',
    '',
    'A StackBlitz WebContainer runs Node.js compiled for the browser, with the jsh shell and a fixed set of commands.',
    'It cannot start native executables or load native Node.js addons. The tables below are the data the checker',
    'uses; each row names the facts it rests on, and [Sources](#sources) lists every fact with where it was read.',
    '',
    '## Supported Runtimes',
    '',
    `${Object.keys(RUNTIME_COMPAT_MATRIX).length} commands, ${unsupported} of them reported when an npm script calls them.`,
    'A command that is in no row is not reported: jsh may still lack it (grep, sed, find and tar are not in the',
    'documented list of jsh commands), but the checker does not guess. `electron` is not listed either, because no',
    'source states what it does in a WebContainer.',
    '',
    '- **Supported**: `no` means the command is missing or cannot start; `may fail` that it exists but cannot run',
    '  real workloads (python3) or that it is missing from the documented command list while jsh may still handle',
    '  simple uses (other shells); `partly` that only the named subcommands fail (the first argument that does not',
    '  start with `-` is the subcommand).',
    '- **Severity** of a script finding: `error` when the command will fail, `warning` when it exists but is limited',
    '  or may work.',
    '- **Fallback Driver**: where the command can run instead; `—` when no other driver helps.',
    '- Command words are matched after removing the directory, a `.exe`, `.cmd`, `.bat` or `.ps1` suffix and version',
    '  suffixes: `/usr/bin/python3.12` matches `python3`, `gcc-12` matches `gcc`, `pip3.exe` matches `pip3`.',
    '- `bash x.sh`, `sh x.sh` and `./x.sh` are reported by the shell-script rule, and `sh -c \'…\'` and',
    '  `bash -c \'…\'` are checked command by command; the shell rows below apply to the shells themselves.',
    '',
    ...renderRuntimeTable(),
    '',
    '## Native npm Packages',
    '',
    `${Object.keys(NATIVE_PACKAGES).length} packages that ship, build or download native code.`,
    '',
    '- **Severity** of a dependency finding: `error` when installing or loading the package will fail, `warning` when',
    '  it may fail, `information` when WebContainer handles it by itself or the native part is optional. In',
    '  `optionalDependencies` an error becomes a warning, because npm skips an optional package that fails.',
    '- **Recommended Alternative** is what the quick fix writes into package.json, with the version range, for the',
    '  remedies "drop-in swap" and "swap with code changes".',
    '- Never reported, whatever the table says: `@types/*` packages; pure-JavaScript or WebAssembly look-alikes',
    '  (bcryptjs, sass, sql.js, @tensorflow/tfjs, iconv-lite, argon2-browser, hash-wasm, esbuild-wasm,',
    '  canvaskit-wasm, and names ending in `-wasm`, `-wasm32` or `-wasm32-wasi`); React Native modules',
    '  (`react-native`, `react-native-*`, `@react-native/*`, `@react-native-*`, `expo`, `expo-*`), whose native code',
    '  is built for mobile apps.',
    '- Helpers for building addons (nan, node-addon-api, bindings, node-gyp-build, prebuild-install, node-pre-gyp,',
    '  cmake-js) are not native themselves; the checker reports a dependency on one as a sign that the package',
    '  builds an addon of its own.',
    '- Not listed, because it is not known what happens in a WebContainer: packages that download a prebuilt',
    '  executable (electron, ffmpeg-static, @sentry/cli, Prisma engines, workerd) and linters and formatters shipped',
    '  as native executables (@biomejs/biome, oxlint, dprint).',
    '',
    ...renderNativeTable(),
    '',
    '## Sources',
    '',
    'Each fact, with the public material it was read from. GitHub references are `owner/repository#number`.',
    'Facts marked *Unconfirmed* are not stated directly by any source; tables that rest on them alone report a',
    'warning rather than an error, or say so in the note.',
    '',
    ...renderSources(),
  ];
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

if (require.main === module) {
  writeFileSync(COMPATIBILITY_DOC_PATH, renderCompatibilityDoc());
  console.log(`Wrote ${COMPATIBILITY_DOC_PATH}`);
}
