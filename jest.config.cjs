const { BOT_FRAMEWORK_PACKAGES } = require('./scripts/native-async.cjs');

/** One Jest run for the whole suite: unit, contract, integration, browser. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': '<rootDir>/scripts/jest-esbuild-transform.cjs',
    '^.+\\.m?js$': '<rootDir>/scripts/jest-esbuild-transform.cjs',
  },
  // teams-js ships ESM; the Bot Framework's files get their async functions rewritten (see the transform).
  transformIgnorePatterns: [`/node_modules/(?!(@microsoft/teams-js|${BOT_FRAMEWORK_PACKAGES})/)`],
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    '^office-addin-manifest$': '<rootDir>/tests/support/office-addin-manifest-shim.cjs',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
