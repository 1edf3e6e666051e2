/**
 * `woonbegeleiding teams-agenda [--maand JJJJ-MM] [--json]` (R13): posts the month's agenda card in
 * every partner's linked Teams conversation now, or updates it where it was posted before. Prints
 * one line per partner with ids and outcomes only. Default month: the next consultation whose flag
 * deadline has not passed (R15).
 *
 * It lives in bot/ because shared/ may not import the bot (test/unit/architecture.test.ts); the
 * command table of shared/cli/main.ts gets it from bin/woonbegeleiding.js (see bot/README.md).
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { botMessages } from '../../shared/messages/bot';
import { openCliStore } from '../../shared/cli/connect';
import { parseYearMonth } from '../../shared/rules/calendar';
import { postAgendas } from '../teams';

export async function teamsAgendaCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { maand: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const month = values.maand ? parseYearMonth(values.maand) : undefined;
  const { store, config, close } = await openCliStore();
  try {
    // Logs (ids only) to stderr; the result on stdout.
    const logger = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
    const deps = { config, logger, store, clock: () => new Date() };
    const result = await postAgendas(deps, month);
    if (values.json) return out(JSON.stringify(result, null, 2));
    out(botMessages.cli.header(result.month));
    for (const r of result.results) out(botMessages.cli.line(r.partnerId, botMessages.cli.outcome[r.outcome]));
  } finally {
    await close();
  }
}
