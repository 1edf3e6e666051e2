/** `woonbegeleiding seed --demo`: the fictional demo data into the store (idempotent). */
import { parseArgs } from 'node:util';
import { cliMessages as msg } from '../../messages/cli';
import { brusselsDate } from '../../rules/calendar';
import { seedDemo } from '../../services/seed-demo';
import { UsageError } from '../cli-error';
import { openCliStore } from '../connect';

export async function seedCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, force: { type: 'boolean' } }, strict: true });
  if (!values.demo) throw new UsageError(msg.seedNeedsDemo);
  const { store, close } = await openCliStore();
  try {
    const result = await seedDemo(store, brusselsDate(new Date()), { force: values.force === true });
    out(result.seeded ? msg.seeded(result.dossiers, result.partners, result.users) : msg.seedSkipped);
  } finally {
    await close();
  }
}
