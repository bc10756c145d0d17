// analyzeManifest against VS Code's JSON language service (parse plus validation, no schema) on the same texts.
//
// Two situations: cold, where every text and every script in it is new to the process, and editing, where a
// sequence of single-character edits inside script values and dependency names is analysed one after another,
// as while typing. Run alone with `npx tsx test/bench/manifest.bench.ts`.

import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { analyzeManifest } from '../../src/core/analyze-manifest';
import { median, printRatio, timeEach } from './bench-util';

const jsonService = getLanguageService({});
let documentVersion = 0;

async function jsonServiceParseAndValidate(text: string): Promise<void> {
  const document = TextDocument.create('file:///bench/package.json', 'json', documentVersion++, text);
  const json = jsonService.parseJSONDocument(document);
  await jsonService.doValidation(document, json);
}

/** A package.json shaped like a StackBlitz starter: a Vite app with lint, test and a few helper scripts. */
function typicalManifest(seed: string): string {
  return JSON.stringify(
    {
      name: `starter-${seed}`,
      private: true,
      version: '0.0.0',
      type: 'module',
      scripts: {
        dev: `vite --port 5173 --mode ${seed}`,
        build: `tsc -b && vite build --mode ${seed}`,
        lint: `eslint . --max-warnings 0 --cache-location .cache/${seed}`,
        preview: `vite preview --mode ${seed}`,
        test: `vitest run --reporter dot --dir src/${seed}`,
        format: `prettier --write "src/**/*.{ts,tsx}" --config .prettierrc.${seed}`,
        'db:seed': `node scripts/seed.js --name ${seed}`,
        generate: `python3 tools/gen.py --out src/${seed}`,
        ci: `npm run lint && npm run test && npm run build -- --seed ${seed}`,
      },
      dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1', zustand: '^4.5.2', 'better-sqlite3': '^11.0.0', clsx: '^2.1.0' },
      devDependencies: {
        '@types/react': '^18.3.3',
        '@types/react-dom': '^18.3.0',
        '@vitejs/plugin-react': '^4.3.1',
        eslint: '^9.9.0',
        prettier: '^3.3.3',
        typescript: '^5.5.3',
        vite: '^5.4.1',
        vitest: '^2.0.5',
      },
    },
    null,
    2,
  );
}

/** Builds the same starter without the flagged script and dependency, as most StackBlitz starters are. */
function cleanTypicalManifest(seed: string): string {
  const manifest = JSON.parse(typicalManifest(seed)) as { scripts: Record<string, string>; dependencies: Record<string, string> };
  manifest.scripts.generate = `node tools/gen.js --out src/${seed}`;
  delete manifest.dependencies['better-sqlite3'];
  return JSON.stringify(manifest, null, 2);
}

/** About 1 MB: a monorepo-style root with thousands of scripts and dependencies. */
function largeManifest(seed: string): string {
  const scripts: Record<string, string> = {};
  const dependencies: Record<string, string> = {};
  for (let i = 0; i < 7000; i++) {
    scripts[`task:${i}`] = i % 250 === 0 ? `npm run task:${i + 1} && make target-${i} ${seed}` : `node scripts/task-${i}.js --flag ${seed}`;
  }
  for (let i = 0; i < 14000; i++) dependencies[`@scope-${i % 97}/package-${i}`] = `^${i % 13}.${i % 7}.0`;
  dependencies.bcrypt = '^5.1.1';
  return JSON.stringify({ name: `large-${seed}`, scripts, dependencies }, null, 2);
}

/**
 * Offsets where the edits are typed: inside the first values of `scripts`, one of them a flagged command, and
 * inside the first names of `dependencies`.
 */
function editPositions(text: string): number[] {
  const positions: number[] = [];
  const scriptsAt = text.indexOf('"scripts"');
  const dependenciesAt = text.indexOf('"dependencies"');

  const valuePattern = /": "/g;
  valuePattern.lastIndex = scriptsAt;
  for (let i = 0; i < 3; i++) {
    const match = valuePattern.exec(text);
    if (match) positions.push(match.index + 5);
  }

  const flagged = text.indexOf('"python3 ');
  if (flagged >= 0) positions.push(flagged + 3);

  const keyPattern = /\n\s+"/g;
  keyPattern.lastIndex = dependenciesAt + 16;
  for (let i = 0; i < 3; i++) {
    const match = keyPattern.exec(text);
    if (match) positions.push(match.index + match[0].length + 2);
  }
  return positions;
}

/** Texts after each of `count` single-character edits: typing a word, then deleting it, at each position in turn. */
function editSequence(base: string, count: number): string[] {
  const texts: string[] = [];
  const positions = editPositions(base);
  const word = 'abcde';
  let text = base;

  for (let step = 0; texts.length < count; step++) {
    const position = positions[step % positions.length];
    for (let i = 0; i < word.length && texts.length < count; i++) {
      text = text.slice(0, position + i) + word[i] + text.slice(position + i);
      texts.push(text);
    }
    for (let i = word.length - 1; i >= 0 && texts.length < count; i--) {
      text = text.slice(0, position + i) + text.slice(position + i + 1);
      texts.push(text);
    }
  }
  return texts;
}

async function compareCold(label: string, make: (seed: string) => string, runs: number): Promise<void> {
  const ours = await timeEach(runs, (i) => analyzeManifest(make(`cold-a-${i}`)));
  const theirs = await timeEach(runs, (i) => jsonServiceParseAndValidate(make(`cold-b-${i}`)));
  printRatio(`${label}, cold`, median(ours), 'JSON language service', median(theirs), 5);
}

async function compareEditing(label: string, base: string, edits: number): Promise<void> {
  const texts = editSequence(base, edits);

  // Both start from an analysed base text, as an open editor would.
  analyzeManifest(base);
  await jsonServiceParseAndValidate(base);

  const ours = await timeEach(texts.length, (i) => analyzeManifest(texts[i]));
  const theirs = await timeEach(texts.length, (i) => jsonServiceParseAndValidate(texts[i]));
  printRatio(`${label}, editing`, median(ours), 'JSON language service', median(theirs), 1);
}

async function main(): Promise<void> {
  // Warm both sides up so the first measured run does not pay for module loading and JIT compilation.
  for (let i = 0; i < 30; i++) {
    analyzeManifest(typicalManifest(`warm-${i}`));
    await jsonServiceParseAndValidate(typicalManifest(`warm-${i}`));
  }

  const typical = typicalManifest('edit');
  const large = largeManifest('edit');
  console.log(`typical package.json: ${typical.length} characters; large: ${(large.length / 1e6).toFixed(2)} MB`);

  await compareCold('typical starter, no findings', cleanTypicalManifest, 200);
  await compareEditing('typical starter, no findings', cleanTypicalManifest('edit'), 400);
  await compareCold('typical with a python3 script and a native dependency', typicalManifest, 200);
  await compareEditing('typical with a python3 script and a native dependency', typical, 400);
  await compareCold('1 MB', largeManifest, 7);
  await compareEditing('1 MB', large, 20);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
