/** Jest: TypeScript through @swc/jest (types are checked by `tsc --noEmit` in `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // No test may depend on machine speed: two `npm test` runs side by side on 2 busy cores make a
  // request take seconds. A hang still fails, after 2 minutes instead of 5 s.
  testTimeout: 120_000,
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // jose 6 ships ESM only: jest (CommonJS) needs it transformed; Node itself loads it natively.
    '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // One in-memory Azurite for the whole run (integration tests against Table storage).
  globalSetup: '<rootDir>/test/setup/azurite-global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/azurite-global-teardown.ts',
};
