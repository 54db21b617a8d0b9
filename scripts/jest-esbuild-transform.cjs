// Jest transform: TypeScript/TSX to CommonJS with esbuild (type checking is `npm run typecheck`); the Bot
// Framework's compiled files with their async functions rewritten, as the production build loads them.
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { nativeAsync, BOT_FRAMEWORK_FILE } = require('./native-async.cjs');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update('v2').update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    if (BOT_FRAMEWORK_FILE.test(filename)) return { code: nativeAsync(source, filename) };
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js';
    const out = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'inline',
      sourcefile: filename,
      supported: { 'dynamic-import': false },
    });
    return { code: out.code };
  },
};
