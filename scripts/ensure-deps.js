#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs the locked packages when
// node_modules is missing or older than the lock file.
const { existsSync, statSync } = require('node:fs');
const { execSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const lock = path.join(root, 'package-lock.json');
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  console.error('node_modules ontbreekt of is verouderd: npm ci wordt uitgevoerd ...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
