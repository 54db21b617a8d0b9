import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

interface NativeAsyncTool {
  nativeAsync(code: string, fileName: string): string;
  precompile(nodeModules: string, outDir: string): number;
  botFrameworkFiles(nodeModules: string): string[];
  BOT_FRAMEWORK_FILE: RegExp;
}
// The build's own tool (CommonJS, shared by the build, the benches and this suite's transform).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tool = require('../../../scripts/native-async.cjs') as NativeAsyncTool;

const ROOT = path.resolve(__dirname, '../../..');
const PLAIN_AWAITER = '__awaiter(this, void 0, void 0, function* ()';

/** A TypeScript module compiled as botbuilder is (ES2015, CommonJS): its async functions become `__awaiter` calls. */
function compiledForEs2015(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2015, module: ts.ModuleKind.CommonJS },
  }).outputText;
}

/** Runs a CommonJS module's code and returns its exports. */
function evaluate(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const run = vm.runInThisContext(`(function (exports, module) {${code}\n})`) as (
    exports: Record<string, unknown>,
    module: { exports: Record<string, unknown> },
  ) => void;
  run(module.exports, module);
  return module.exports;
}

const SAMPLE = `
export class Counter {
  count = 1;
  async add(n: number): Promise<number> {
    const step = await Promise.resolve(n);
    this.count += step;
    return this.count;
  }
  async failLater(): Promise<never> {
    await Promise.resolve();
    throw new RangeError('later');
  }
  async failAtOnce(): Promise<never> {
    throw new TypeError('at once');
  }
  async firstTwo(): Promise<number[]> {
    function* numbers() { yield 1; yield 2; yield 3; }
    const seen: number[] = [];
    for (const n of numbers()) { if (seen.length === 2) break; seen.push(await Promise.resolve(n)); }
    return seen;
  }
  async nested(): Promise<string> {
    const inner = async (): Promise<string> => (await Promise.resolve('in')) + 'ner';
    return (await inner()) + '!';
  }
  async countArguments(..._rest: number[]): Promise<number> {
    await Promise.resolve();
    return arguments.length;
  }
}
`;

describe('nativeAsync: botbuilder async functions back to native ones', () => {
  const compiled = compiledForEs2015(SAMPLE);
  const rewritten = tool.nativeAsync(compiled, 'sample.js');

  it('rewrites each plain __awaiter call into an async arrow function and leaves the others', () => {
    expect(compiled).toContain(PLAIN_AWAITER);
    expect(rewritten).not.toContain(PLAIN_AWAITER);
    // Seven async functions and methods (the arrow function inside `nested` too).
    expect(rewritten.match(/\(async \(\) => \{/g)).toHaveLength(7);
    // The generator the code itself declares keeps its yields.
    expect(rewritten).toMatch(/function\* numbers\(\) \{\s*yield 1;/);
  });

  it('behaves as the compiled code does: results, `this`, errors thrown before and after an await', async () => {
    for (const code of [compiled, rewritten]) {
      const { Counter } = evaluate(code) as {
        Counter: new () => Record<string, (...a: number[]) => unknown>;
      };
      const counter = new Counter();
      await expect(counter.add!(2)).resolves.toBe(3);
      await expect(counter.add!(4)).resolves.toBe(7);
      // (The code runs in Node's own context, whose error classes are not this test's.)
      await expect(counter.failLater!()).rejects.toMatchObject({ name: 'RangeError', message: 'later' });
      // An async function that throws at once still returns a rejected promise, never throws.
      const atOnce = counter.failAtOnce!() as Promise<never>;
      await expect(atOnce).rejects.toMatchObject({ name: 'TypeError', message: 'at once' });
      await expect(counter.firstTwo!()).resolves.toEqual([1, 2]);
      await expect(counter.nested!()).resolves.toBe('inner!');
      await expect(counter.countArguments!(1, 2, 3)).resolves.toBe(3);
    }
  });

  it('leaves a file without plain __awaiter calls exactly as it was', () => {
    const plain = 'exports.x = function* () { yield 1; };\n';
    expect(tool.nativeAsync(plain, 'plain.js')).toBe(plain);
  });

  it('keeps a call whose generator reads its own `arguments` (itself or in an arrow) or uses yield* as compiled', () => {
    for (const body of [
      'return arguments.length;',
      'yield* other();',
      'const count = () => arguments.length; yield 1; return count();',
    ]) {
      const code = `exports.f = function () { return ${PLAIN_AWAITER} { ${body} }); };\n`;
      expect(tool.nativeAsync(code, 'kept.js')).toBe(code);
    }
  });

  it('rewrites every async function of the installed Bot Framework packages into code that parses', () => {
    const files = tool.botFrameworkFiles(path.join(ROOT, 'node_modules'));
    let rewrittenFiles = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const out = tool.nativeAsync(source, file);
      if (out === source) continue;
      rewrittenFiles += 1;
      expect({ file, left: out.includes(PLAIN_AWAITER) }).toEqual({ file, left: false });
      expect(() => new vm.Script(out, { filename: file })).not.toThrow();
    }
    expect(rewrittenFiles).toBeGreaterThan(50);
  });

  it('is what this suite runs: botbuilder is loaded with native async functions', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TurnContext } = require('botbuilder') as {
      TurnContext: { prototype: { sendActivities: unknown } };
    };
    expect(String(TurnContext.prototype.sendActivities)).toContain('async () =>');
  });
});

describe('loadBotFrameworkFrom: the server loads the build’s rewritten files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bot-framework-loading-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A package laid out as botbuilder's are, with one compiled async function per file. */
  function fakePackage(): { nodeModules: string; files: string[] } {
    const nodeModules = path.join(dir, 'node_modules');
    const lib = path.join(nodeModules, 'botbuilder-core', 'lib');
    mkdirSync(lib, { recursive: true });
    const files = ['first.js', 'second.js', 'plain.js'].map((name) => path.join(lib, name));
    const asyncModule = compiledForEs2015('export async function twice(n: number) { return 2 * (await n); }');
    writeFileSync(files[0]!, asyncModule);
    writeFileSync(files[1]!, asyncModule);
    writeFileSync(files[2]!, 'exports.twice = (n) => Promise.resolve(2 * n);\n');
    return { nodeModules, files };
  }

  /** Loads the files in a fresh Node process after `loadBotFrameworkFrom(out)`, as the server's first import does. */
  function loadInNode(out: string, files: string[]): unknown {
    const script = `
      require(${JSON.stringify(path.join(ROOT, 'scripts/ts-loader.cjs'))}).register();
      const { loadBotFrameworkFrom } = require(${JSON.stringify(path.join(ROOT, 'src/server/bot-framework-loading.ts'))});
      const loading = loadBotFrameworkFrom(${JSON.stringify(out)});
      const files = ${JSON.stringify(files)};
      Promise.all(files.map((f) => require(f).twice(21))).then((results) => {
        const sources = files.map((f) => String(require(f).twice).includes('async () =>'));
        process.stdout.write(JSON.stringify({ loading, results, sources }));
      });
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as unknown;
  }

  it('loads each rewritten file under its own name, and a file changed since the build as shipped', () => {
    const { nodeModules, files } = fakePackage();
    const out = path.join(dir, 'dist', 'native-async');
    expect(tool.precompile(nodeModules, out)).toBe(2);
    // The package changes after the build: that file's rewritten form no longer applies.
    writeFileSync(files[1]!, `${readFileSync(files[1]!, 'utf8')}\n// patched\n`);

    expect(loadInNode(out, files)).toEqual({
      loading: { precompiled: true, rewritten: 1, stale: ['botbuilder-core/lib/second.js'], problem: null },
      results: [42, 42, 42],
      sources: [true, false, false],
    });
  });

  it('changes nothing without a build (run from the sources)', () => {
    const { files } = fakePackage();
    expect(loadInNode(path.join(dir, 'no-build'), files)).toEqual({
      loading: { precompiled: false, rewritten: 0, stale: [], problem: null },
      results: [42, 42, 42],
      sources: [false, false, false],
    });
  });

  it('loads everything as shipped, and says why, when the build’s manifest is broken', () => {
    const { nodeModules, files } = fakePackage();
    const out = path.join(dir, 'dist', 'native-async');
    tool.precompile(nodeModules, out);
    writeFileSync(path.join(out, 'manifest.json'), '{"files": ');
    const loaded = loadInNode(out, files) as { loading: { problem: string | null }; sources: boolean[] };
    expect(loaded.loading.problem).toMatch(/manifest\.json cannot be read .*run npm run build again/);
    expect(loaded.sources).toEqual([false, false, false]);
  });
});
