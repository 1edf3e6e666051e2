#!/usr/bin/env node
// Entry point of the `woonbegeleiding` command: the compiled build when it exists (production runs
// plain node), otherwise the TypeScript sources through tsx.
const path = require('node:path');
const { existsSync } = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'shared', 'cli', 'main.js');
if (existsSync(compiled) && !process.env.WOONBEGELEIDING_FROM_SOURCE) {
  require(compiled).main();
} else {
  require('tsx/cjs');
  require('../shared/cli/main.ts').main();
}
