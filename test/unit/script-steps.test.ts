import * as assert from 'assert';
import { findScriptSteps, type ScriptStep } from '../../src/core/scripts/find-invocations';
import { parseCommands } from '../../src/core/scripts/parse-commands';
import { unquoteWord } from '../../src/core/scripts/shell-word';
import { analyzeScriptRun, expandScriptPattern } from '../../src/core/scripts/analyze-scripts';
import { splitCommandsLoosely } from '../../src/core/scripts/split-commands-loosely';
import { analyzeManifest } from '../../src/core/analyze-manifest';

/** Command words and script calls of a script, with the source text each word was found at. */
function describeSteps(script: string, scriptNames: string[] = []): string[] {
  return findScriptSteps(script, new Set(scriptNames)).map((step: ScriptStep) => {
    const first = step.word.offsets[0];
    const last = step.word.offsets[step.word.text.length - 1] + 1;
    const source = script.slice(first, last);
    if (step.kind === 'script-call') return `call:${step.target}`;
    if (step.kind === 'native-rebuild') return `rebuild:${step.word.text}`;
    return source === step.word.text ? step.word.text : `${step.word.text}@${source}`;
  });
}

function commandNames(script: string, scriptNames: string[] = []): string[] {
  return findScriptSteps(script, new Set(scriptNames)).filter((step) => step.kind === 'command').map((step) => step.word.text);
}

describe('shell word unquoting', () => {
  it('removes single and double quotes', () => {
    const word = unquoteWord(`a'b c'"d"`, 0, 9);
    assert.strictEqual(word.text, 'ab cd');
    assert.deepStrictEqual(word.offsets, [0, 2, 3, 4, 7, 9]);
    assert.strictEqual(word.quoted, true);
  });

  it('keeps escaped characters in double quotes', () => {
    const source = '"a\\"b\\$c"';
    const word = unquoteWord(source, 0, source.length);
    assert.strictEqual(word.text, 'a"b$c');
  });

  it('reads an unterminated quote to the end', () => {
    const word = unquoteWord("'abc", 0, 4);
    assert.strictEqual(word.text, 'abc');
  });
});

describe('parseCommands', () => {
  it('finds commands in lists, pipes and subshells', () => {
    const commands = parseCommands('a && (b || c); d | e').commands.map((command) => command.words[0].text);
    assert.deepStrictEqual(commands, ['a', 'b', 'c', 'd', 'e']);
  });

  it('finds commands inside command substitution', () => {
    const script = 'x=$(./bindings.sh) && echo `go version`';
    const commands = parseCommands(script).commands.map((command) => command.words[0]);
    const names = commands.map((word) => word.text);
    assert.ok(names.includes('./bindings.sh'));
    assert.ok(names.includes('go'));
    const bindings = commands.find((word) => word.text === './bindings.sh');
    assert.strictEqual(script.slice(bindings!.offsets[0], bindings!.offsets[0] + 13), './bindings.sh');
  });

  it('skips assignments and redirections', () => {
    const words = parseCommands('FOO=1 BAR="a b" make > out.txt 2>&1').commands[0].words.map((word) => word.text);
    assert.deepStrictEqual(words, ['make']);
  });

  it('falls back on syntax the parser rejects', () => {
    const parsed = parseCommands('python x.py |& tee log');
    assert.strictEqual(parsed.parsedByShellParser, false);
    assert.deepStrictEqual(
      parsed.commands.map((command) => command.words[0].text),
      ['python', 'tee'],
    );
  });

  it('splits scripts with arithmetic loosely', () => {
    const parsed = parseCommands('echo $((1 + 2)) && make');
    assert.strictEqual(parsed.parsedByShellParser, false);
    assert.deepStrictEqual(
      parsed.commands.map((command) => command.words[0].text),
      ['echo', 'make'],
    );
  });

  it('finds commands in if and for bodies', () => {
    const names = parseCommands('if [ -f x ]; then make; else cargo build; fi; for f in a b; do gcc $f; done').commands.map((command) => command.words[0].text);
    assert.deepStrictEqual(names, ['[', 'make', 'cargo', 'gcc']);
  });
});

describe('findScriptSteps wrappers', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['cross-env NODE_ENV=production python app.py', [], ['python']],
    ['env -u HOME FOO=1 go run .', [], ['go']],
    ['npx cmake-js compile', [], ['cmake-js']],
    ['npx --yes -p foo cargo build', [], ['cargo']],
    ['pnpm exec make all', [], ['make']],
    ['pnpm dlx tsx x.ts', [], ['tsx']],
    ['yarn dlx gcc', [], ['gcc']],
    ['npm exec -- docker ps', [], ['docker']],
    ['sudo apt-get install x', [], ['sudo', 'apt-get']],
    ['time nohup python3 x.py', [], ['python3']],
    ['nice -n 5 make', [], ['make']],
    ['timeout 5 go test', [], ['go']],
    ['dotenv -e .env -- python x.py', [], ['python']],
    ['env-cmd -f .env.local cargo run', [], ['cargo']],
    ['nodemon --watch src --exec "python main.py"', [], ['python']],
  ];

  for (const [script, names, expected] of cases) {
    it(`unwraps ${script.split(' ')[0]}: ${script}`, () => {
      assert.deepStrictEqual(commandNames(script, names), expected);
    });
  }

  it('unwraps commands after -- and -exec', () => {
    assert.deepStrictEqual(commandNames('cargo-cp-artifact -nc index.node -- cargo build --release'), ['cargo']);
    assert.deepStrictEqual(commandNames("onchange 'src/**' -- make"), ['make']);
    assert.deepStrictEqual(commandNames('ls | xargs -n 1 python'), ['ls', 'python']);
    assert.deepStrictEqual(commandNames("find . -name '*.py' -exec python {} ;"), ['python']);
  });

  it('reads watcher command strings', () => {
    assert.deepStrictEqual(commandNames("chokidar 'src/**' -c 'cargo build'"), ['cargo']);
    assert.deepStrictEqual(commandNames("watch 'make' src"), ['make']);
  });

  it('skips command -v probes', () => {
    assert.deepStrictEqual(commandNames('command -v python3 >/dev/null || echo no'), ['echo']);
    assert.deepStrictEqual(commandNames('type docker && which go && hash make'), ['type', 'which', 'hash']);
  });

  it('reports sudo and what it runs', () => {
    assert.deepStrictEqual(commandNames('sudo -E make install'), ['sudo', 'make']);
  });

  it('treats bun as a command, not a wrapper', () => {
    assert.deepStrictEqual(commandNames('bun run build && bunx vite', ['build']), ['bun', 'bunx']);
  });

  it('reads concurrently arguments as commands, not labels', () => {
    assert.deepStrictEqual(commandNames('concurrently -n python,webpack "python manage.py runserver" "webpack serve"'), ['python', 'webpack']);
  });

  it('maps nested command offsets back to the script', () => {
    assert.deepStrictEqual(describeSteps(`concurrently "go run ./backend" "vite"`), ['go', 'vite']);
    assert.deepStrictEqual(describeSteps(`sh -c 'make && ./x.sh'`), ['sh', 'make', './x.sh']);
  });

  it('follows escaped quotes inside nested strings', () => {
    const script = 'bash -c "echo \\"hi\\" && python3 a.py"';
    const steps = findScriptSteps(script, new Set());
    const python = steps.find((step) => step.word.text === 'python3');
    assert.ok(python);
    assert.strictEqual(script.slice(python.word.offsets[0], python.word.offsets[6] + 1), 'python3');
  });

  it('reports the interpreter of a shell script file', () => {
    assert.deepStrictEqual(commandNames('bash scripts/release.sh develop'), ['bash']);
  });
});

describe('findScriptSteps script calls', () => {
  it('links npm run and its aliases', () => {
    assert.deepStrictEqual(describeSteps('npm run build && npm run-script lint -- --fix && npm test', ['build', 'lint', 'test']), ['call:build', 'call:lint', 'call:test']);
  });

  it('links yarn and pnpm scripts but runs binaries otherwise', () => {
    assert.deepStrictEqual(describeSteps('yarn build && yarn jest && pnpm tauri dev', ['build']), ['call:build', 'jest', 'tauri']);
  });

  it('ignores package manager built-ins', () => {
    assert.deepStrictEqual(describeSteps('yarn install && pnpm add -D x && npm ci'), []);
  });

  it('links run-s, run-p and npm-run-all patterns', () => {
    assert.deepStrictEqual(describeSteps('run-s clean "build:* -- --prod" && run-p -l watch:*'), ['call:clean', 'call:build:*', 'call:watch:*']);
  });

  it('handles very long scripts', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `node a${i}.js`).join(' && ') + ' && make';
    assert.strictEqual(commandNames(long).at(-1), 'make');
    const nested = '('.repeat(5000) + 'make' + ')'.repeat(5000);
    assert.deepStrictEqual(commandNames(nested), ['make']);
  });

  it('links concurrently npm shorthands', () => {
    assert.deepStrictEqual(describeSteps('concurrently npm:dev "npm:api"'), ['call:dev', 'call:api']);
  });

  it('ignores scripts of other workspace packages', () => {
    assert.deepStrictEqual(describeSteps('pnpm --filter web dev && npm run build --workspace=a'), []);
  });

  it('ignores calls made after cd into another package', () => {
    assert.deepStrictEqual(describeSteps('cd packages/web && npm run build', ['build']), ['cd']);
    assert.deepStrictEqual(describeSteps('cd sub && make && cd .. && npm run build', ['build']), ['cd', 'make', 'cd', 'call:build']);
    assert.deepStrictEqual(describeSteps('npm --prefix web run build', ['build']), []);
  });

  it('records npm rebuild', () => {
    assert.deepStrictEqual(describeSteps('npm rebuild node-sass'), ['rebuild:npm']);
  });
});

describe('expandScriptPattern', () => {
  it('matches one segment with * and many with **', () => {
    const names = ['build:js', 'build:css', 'build:css:min', 'lint'];
    assert.deepStrictEqual(expandScriptPattern('build:*', names), ['build:js', 'build:css']);
    assert.deepStrictEqual(expandScriptPattern('build:**', names), ['build:js', 'build:css', 'build:css:min']);
    assert.deepStrictEqual(expandScriptPattern('lint', names), ['lint']);
  });
});

describe('analyzeScriptRun', () => {
  const scripts = {
    prebuild: 'node gen.js',
    build: 'npm run compile && vite build',
    compile: 'run-s compile:*',
    'compile:native': 'node-gyp rebuild',
    'compile:ts': 'tsc',
    postbuild: './publish.sh',
    loop: 'npm run loop2',
    loop2: 'npm run loop && python3 x.py',
    clean: 'rimraf dist',
  };

  it('follows calls, patterns and hooks', () => {
    const problems = analyzeScriptRun(scripts, 'build');
    const summary = problems.map((problem) => `${problem.script}:${problem.command}:${problem.via.join('>')}`);
    assert.deepStrictEqual(summary.sort(), ['compile:native:node-gyp:build>compile', 'postbuild:./publish.sh:build'].sort());
  });

  it('terminates on cycles', () => {
    const problems = analyzeScriptRun(scripts, 'loop');
    assert.deepStrictEqual(
      problems.map((problem) => problem.command),
      ['python3'],
    );
    assert.deepStrictEqual(problems[0].via, ['loop']);
  });

  it('returns nothing for a clean script', () => {
    assert.deepStrictEqual(analyzeScriptRun(scripts, 'clean'), []);
  });

  it('gives the reason and the fallback', () => {
    const [problem] = analyzeScriptRun({ start: 'python3 -m http.server' }, 'start');
    assert.strictEqual(problem.rule, 'unsupported-runtime');
    assert.strictEqual(problem.fallbackDriver, 'docker');
    assert.ok(problem.reason.length > 20);
    assert.ok(problem.message.includes('python3'));
  });

  it('respects ignored runtimes', () => {
    assert.deepStrictEqual(analyzeScriptRun({ start: 'python3 x.py' }, 'start', { ignoreRuntimes: ['python3'] }), []);
  });

  it('uses user additions to the runtime table', () => {
    const problems = analyzeScriptRun({ start: 'mytool run' }, 'start', {
      extraRuntimes: { mytool: { supported: false, reason: 'mytool is a native binary.', fallbackDriver: 'docker' } },
    });
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].reason, 'mytool is a native binary.');
  });
});

describe('splitCommandsLoosely', () => {
  it('drops reserved words and comments', () => {
    const names = splitCommandsLoosely('if [ -f x ]; then make; else cargo build; fi # python x\nfor f in a b; do gcc $f; done').map((command) => command.words[0].text);
    assert.deepStrictEqual(names, ['[', 'make', 'cargo', 'gcc']);
  });

  it('finds the same commands as the parser on wrappers', () => {
    for (const script of ['cross-env A=1 python x.py && npm run b', 'x=$(./b.sh) && wrangler dev', '(cd a && make) || go build']) {
      const strict = parseCommands(script).commands.map((command) => command.words.map((word) => word.text).join(' '));
      const loose = splitCommandsLoosely(script).map((command) => command.words.map((word) => word.text).join(' '));
      assert.deepStrictEqual(loose, strict, script);
    }
  });
});

describe('shell parser budget', () => {
  it('bounds parsing and parses the rest later', () => {
    const scripts: Record<string, string> = { bad: 'python3 x.py' };
    for (let i = 0; i < 3000; i++) scripts[`s${i}`] = `npm run bad && node step-${i}.js`;
    const text = JSON.stringify({ scripts });

    const first = analyzeManifest(text);
    assert.strictEqual(first.filter((finding) => finding.command === 'python3').length, 3001);
    const second = analyzeManifest(text);
    assert.deepStrictEqual(second, first);
  });
});
