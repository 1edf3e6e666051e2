#!/usr/bin/env node
// Entry point of the `woonbegeleiding` command. In a checkout it runs the TypeScript sources through
// tsx (so a stale build never answers); a deployment without sources runs the build (npm run build).
const path = require('node:path');
const { existsSync } = require('node:fs');

const source = path.join(__dirname, '..', 'shared', 'cli', 'main.ts');
if (existsSync(source)) {
  require('tsx/cjs');
  require(source).main();
} else {
  require(path.join(__dirname, '..', 'dist', 'shared', 'cli', 'main.js')).main();
}
