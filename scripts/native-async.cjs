'use strict';
// botbuilder's packages ship compiled for ES2015: every async function is a call to TypeScript's `__awaiter`
// helper with a new generator function, `__awaiter(this, void 0, void 0, function* () { ... yield x ... })`.
// V8 gives each new generator function its own prototype and map (maps live in the old generation), so each
// call leaves old-generation garbage that keeps the call's young objects alive until the next full GC: every
// scavenge then copies and promotes them (measured: a no-op bot turn promoted 2.7 KB, and a scavenge paused
// 8.5 ms instead of 2). `nativeAsync` rewrites each such call into the async arrow function it was compiled
// from, `(async () => { ... await x ... })()`, which has none of that cost; anything else is left as it is.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
// Loaded only when there is something to rewrite: a server loading the build's results never needs TypeScript.
let ts = null;
function typescript() {
  ts ??= require('typescript');
  return ts;
}

/** The packages rewritten: botbuilder's and the Bot Framework's (src/server/bot-framework-loading.ts says the same). */
const BOT_FRAMEWORK_PACKAGES = 'botbuilder|botbuilder-[a-z-]+|botframework-[a-z-]+';
const BOT_FRAMEWORK_PACKAGE = new RegExp(`^(${BOT_FRAMEWORK_PACKAGES})$`);
/** Their compiled files. */
const BOT_FRAMEWORK_FILE = new RegExp(
  `[\\\\/]node_modules[\\\\/](${BOT_FRAMEWORK_PACKAGES})[\\\\/]lib[\\\\/].+\\.js$`,
);

const MARKER = '__awaiter(this, void 0, void 0, function* ()';

function isVoidZero(node) {
  const ts = typescript();
  return ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === '0';
}

/** `__awaiter(this, void 0, void 0, function* () { ... })`: no arguments object, no parameters, native Promise. */
function isPlainAwaiter(node) {
  const ts = typescript();
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== '__awaiter')
    return false;
  const [self, args, promise, body] = node.arguments;
  return (
    node.arguments.length === 4 &&
    self.kind === ts.SyntaxKind.ThisKeyword &&
    isVoidZero(args) &&
    isVoidZero(promise) &&
    ts.isFunctionExpression(body) &&
    body.asteriskToken !== undefined &&
    body.parameters.length === 0 &&
    body.name === undefined
  );
}

/** Whether `arguments` appears in this node outside functions that have their own. */
function mentionsArguments(node) {
  const ts = typescript();
  if (ts.isIdentifier(node)) return node.text === 'arguments';
  if (ts.isFunctionLike(node) && !ts.isArrowFunction(node)) return false;
  return ts.forEachChild(node, mentionsArguments) === true;
}

/** The rewritten source, or the source itself when it has nothing to rewrite. */
function nativeAsync(code, fileName) {
  if (!code.includes(MARKER)) return code;
  const ts = typescript();
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  let rewritten = 0;
  const transformer = (context) => {
    const f = context.factory;
    const visit = (node) => {
      if (isPlainAwaiter(node)) {
        const generator = node.arguments[3];
        let safe = true;
        // The generator's own yields become awaits; nested functions keep theirs (their awaiters are visited).
        const ownYields = (child) => {
          if (isPlainAwaiter(child)) return visit(child);
          // An arrow function's `arguments` is the generator's; in the async arrow it would be the method's.
          if (ts.isArrowFunction(child) && mentionsArguments(child)) safe = false;
          if (ts.isFunctionLike(child)) return visit(child);
          if (ts.isIdentifier(child) && (child.text === 'arguments' || child.text === 'await')) safe = false;
          if (ts.isYieldExpression(child)) {
            if (child.asteriskToken) safe = false;
            const operand = child.expression ? ts.visitNode(child.expression, ownYields) : f.createVoidZero();
            return f.createAwaitExpression(operand);
          }
          return ts.visitEachChild(child, ownYields, context);
        };
        const body = ts.visitNode(generator.body, ownYields);
        if (!safe) return ts.visitEachChild(node, visit, context);
        rewritten += 1;
        const arrow = f.createArrowFunction(
          [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
          undefined,
          [],
          undefined,
          f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
          body,
        );
        return f.createCallExpression(f.createParenthesizedExpression(arrow), undefined, []);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => ts.visitNode(file, visit);
  };
  const result = ts.transform(source, [transformer]);
  try {
    if (rewritten === 0) return code;
    return ts.createPrinter().printFile(result.transformed[0]);
  } finally {
    result.dispose();
  }
}

/** A file's content hash, as the server checks it before it loads the precompiled version instead. */
function sourceHash(code) {
  return createHash('sha256').update(code).digest('hex');
}

/** The Bot Framework's compiled files under a node_modules folder (nested node_modules are other packages). */
function botFrameworkFiles(nodeModules) {
  nodeModules = path.resolve(nodeModules);
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (BOT_FRAMEWORK_FILE.test(full)) files.push(full);
    }
  };
  for (const name of fs.readdirSync(nodeModules)) {
    const lib = path.join(nodeModules, name, 'lib');
    if (BOT_FRAMEWORK_PACKAGE.test(name) && fs.existsSync(lib)) walk(lib);
  }
  return files.sort();
}

/**
 * For the production build: writes the rewritten version of every Bot Framework file that has async functions
 * to `outDir`, under its path below node_modules, with `manifest.json` naming each one and the hash of the
 * source it came from (the server loads a version only while its source is still that one).
 */
function precompile(nodeModules, outDir) {
  nodeModules = path.resolve(nodeModules);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const manifest = { files: {} };
  for (const file of botFrameworkFiles(nodeModules)) {
    const code = fs.readFileSync(file, 'utf8');
    const rewritten = nativeAsync(code, file);
    if (rewritten === code) continue;
    const key = path.relative(nodeModules, file).split(path.sep).join('/');
    const target = path.join(outDir, ...key.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, rewritten);
    manifest.files[key] = sourceHash(code);
  }
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return Object.keys(manifest.files).length;
}

/** Whether `outDir` holds the rewritten form of exactly the Bot Framework files installed now. */
function isCurrent(nodeModules, outDir) {
  const manifestFile = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return false;
  const { files } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  return Object.entries(files).every(([key, hash]) => {
    const source = path.join(path.resolve(nodeModules), ...key.split('/'));
    return fs.existsSync(source) && sourceHash(fs.readFileSync(source, 'utf8')) === hash;
  });
}

/**
 * For code run from its TypeScript sources (benches): the rewritten files in a cache below node_modules, made
 * again in a child process when the installed packages changed (so the caller never loads TypeScript). Returns
 * the folder, for the server's own `loadBotFrameworkFrom`.
 */
function ensureCache(nodeModules) {
  const outDir = path.join(path.resolve(nodeModules), '.cache', 'career-conversations-native-async');
  if (isCurrent(nodeModules, outDir)) return outDir;
  const { spawnSync } = require('node:child_process');
  const made = spawnSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(__filename)}).precompile(${JSON.stringify(nodeModules)}, ${JSON.stringify(outDir)})`,
    ],
    { stdio: 'inherit' },
  );
  if (made.status !== 0) throw new Error('Could not rewrite the Bot Framework packages (see above).');
  return outDir;
}

module.exports = {
  nativeAsync,
  precompile,
  ensureCache,
  sourceHash,
  botFrameworkFiles,
  BOT_FRAMEWORK_FILE,
  BOT_FRAMEWORK_PACKAGES,
};
