/** One Jest run for the whole suite: unit, contract, integration, browser. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': '<rootDir>/scripts/jest-esbuild-transform.cjs',
    '^.+\\.m?js$': '<rootDir>/scripts/jest-esbuild-transform.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@microsoft/teams-js)/)'],
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    '^office-addin-manifest$': '<rootDir>/tests/support/office-addin-manifest-shim.cjs',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
