/**
 * The `woonbegeleiding` command. Each sub-command lives in `commands/`. Bad input exits with code 2
 * and one Dutch line on stderr; an unexpected failure exits with 1 and no personal data.
 */
import { cliMessages as msg } from '../messages/cli';
import { isDomainError } from '../rules/errors';
import { calendarCommand } from './commands/calendar';
import { milestonesCommand } from './commands/milestones';
import { seedCommand } from './commands/seed';
import { dossiersCommand } from './commands/dossiers';
import { importCommand } from './commands/import';
import { privacyCommand } from './commands/privacy';
import { jobsCommand } from './commands/jobs';
import { outboxCommand } from './commands/outbox';
import { reportCommand } from './commands/report';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './cli-error';

export type Command = (args: string[], out: (text: string) => void) => void | Promise<void>;

const commands: Record<string, Command> = {
  calendar: calendarCommand,
  milestones: milestonesCommand,
  seed: seedCommand,
  dossiers: dossiersCommand,
  import: importCommand,
  privacy: privacyCommand,
  jobs: jobsCommand,
  outbox: outboxCommand,
  report: reportCommand,
  help: (_args, out) => out(msg.usage),
};

/** Runs one command line; returns the exit code. Exported for tests. */
export async function runCli(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void },
  /** Commands of the adapters (e.g. the bot's `teams-agenda`), which shared/ may not import. */
  extra: Record<string, Command> = {},
): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = { ...commands, ...extra }[name];
  if (!command) {
    io.err(msg.unknownCommand(name));
    return EXIT_USAGE;
  }
  try {
    await command(args, io.out);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || (isDomainError(error) && error.code === 'validation')) {
      io.err(error.message);
      return EXIT_USAGE;
    }
    // node:util parseArgs reports a bad option with a code of its own and an English message.
    // (duck-typed: Node's own errors may come from another realm, e.g. under jest)
    const nodeError = error as { code?: unknown; message?: unknown };
    if (typeof nodeError.code === 'string' && nodeError.code.startsWith('ERR_PARSE_ARGS')) {
      const option = /'([^']+)'/.exec(String(nodeError.message))?.[1] ?? '';
      io.err(msg.badOption(option));
      return EXIT_USAGE;
    }
    if (isDomainError(error)) {
      io.err(error.message);
      return EXIT_FAILURE;
    }
    io.err(msg.unexpectedError);
    if (process.env.DEBUG) console.error(error);
    return EXIT_FAILURE;
  }
}

/** Runs the process's own command line (called by bin/woonbegeleiding.js). */
export async function main(extra: Record<string, Command> = {}): Promise<void> {
  process.exitCode = await runCli(
    process.argv.slice(2),
    {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
    extra,
  );
}

if (require.main === module) void main();
