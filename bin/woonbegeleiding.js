#!/usr/bin/env node
// Entry point of the `woonbegeleiding` command. In a checkout it runs the TypeScript sources through
// tsx (so a stale build never answers); a deployment without sources runs the build (npm run build).
// The bot's own command (teams-agenda) is added here: shared/ may not import bot/.
const path = require('node:path');
const { existsSync } = require('node:fs');

const root = path.join(__dirname, '..');
const fromSource = existsSync(path.join(root, 'shared', 'cli', 'main.ts'));
if (fromSource) require('tsx/cjs');
const load = (file) => require(path.join(root, fromSource ? `${file}.ts` : path.join('dist', `${file}.js`)));

const { teamsAgendaCommand } = load('bot/cli/post-agendas');
load('shared/cli/main').main({ 'teams-agenda': teamsAgendaCommand });
