/**
 * `woonbegeleiding privacy export --dossier ID` (subject access request, JSON on stdout) and
 * `woonbegeleiding privacy purge --closed-before YYYY-MM-DD [--yes]` (asks before erasing).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { privacyMessages as msg } from '../../messages/privacy';
import { cliMessages } from '../../messages/cli';
import { calendarMessages } from '../../messages/calendar';
import { brusselsDate } from '../../rules/calendar';
import { parseIsoDate } from '../../rules/dates';
import { DomainError } from '../../rules/errors';
import { exportTenantData } from '../../services/privacy-export';
import { dossiersToPurge, purgeClosedBefore } from '../../services/privacy-purge';
import { UsageError } from '../cli-error';
import { openCliStore } from '../connect';

/** Asks on the terminal; without one (a pipe, CI) the answer must be given with --yes. */
async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UsageError(msg.needsYes);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim().toLowerCase() === 'ja';
  } finally {
    rl.close();
  }
}

export async function privacyCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { dossier: { type: 'string' }, 'closed-before': { type: 'string' }, yes: { type: 'boolean' } },
    strict: true,
  });
  if (action === 'export' && !values.dossier) throw new UsageError(msg.usage);
  if (action === 'purge' && !values['closed-before']) throw new UsageError(msg.usage);
  if (action !== 'export' && action !== 'purge') throw new UsageError(msg.usage);
  const closedBefore = action === 'purge' ? parseIsoDate(values['closed-before'] as string) : undefined;

  const { store, config, close } = await openCliStore();
  try {
    if (!(await store.landlords.get(config.LANDLORD_ID))) throw new DomainError('not-found', cliMessages.noLandlord(config.LANDLORD_ID));
    const ports = store.forLandlord(config.LANDLORD_ID);
    const now = new Date();
    const options = { now: now.toISOString(), today: brusselsDate(now), actor: 'cli' };
    if (action === 'export') {
      out(JSON.stringify(await exportTenantData(ports, values.dossier as string, options), null, 2));
      return;
    }
    const date = closedBefore as string;
    const candidates = await dossiersToPurge(ports, date);
    if (candidates.length === 0) return out(msg.nothingToPurge(calendarMessages.formatDate(date)));
    if (!values.yes && !(await confirmed(msg.confirm(candidates.length, calendarMessages.formatDate(date))))) return out(msg.cancelled);
    const result = await purgeClosedBefore(ports, date, options);
    out(msg.purged(result.dossiers, result.records));
  } finally {
    await close();
  }
}
