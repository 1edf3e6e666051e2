#!/usr/bin/env node
// Entry point of the `woonbegeleiding` command: runs the TypeScript CLI through tsx, or the
// compiled build when it exists (production runs plain node).
const path = require('node:path');
const { existsSync } = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'shared', 'cli', 'main.js');
if (existsSync(compiled) && !process.env.WOONBEGELEIDING_FROM_SOURCE) {
  require(compiled);
} else {
  require('tsx/cjs');
  require('../shared/cli/main.ts');
}
