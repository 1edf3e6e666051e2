/**
 * `node -r tsx/cjs scripts/load.ts [--seconds 60] [--users 200] [--partners 50]`: the load run
 * (scripts/load/run.ts) against an in-memory Azurite and the real server (add-in API and bot) on
 * loopback. Prints readable results and one JSON line; exits 1 when a request got a 5xx, a flag was
 * lost or duplicated, or a confirmation (R16) was lost, duplicated, wrong or unaudited.
 */
import { brusselsDate } from '../shared/rules/calendar';
import { createStore, startAzurite } from '../shared/store';
import { PARTNERS } from './bench/world';
import { runLoad, type LoadResult } from './load/run';

const USAGE = `npm run load -- [--seconds N] [--users N] [--partners N]
  --seconds   how long the users work (default 60)
  --users     partner users, spread round the partners (default 200)
  --partners  how many of the ${PARTNERS} partners they belong to (default ${PARTNERS}; fewer: more colleagues each)
Each user flags and withdraws flags through the add-in API and every 4th request confirms the
conclusions of one of its partner's past consultations (R16) through the bot's /api/messages.`;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name}: a positive number`);
  return value;
}

/** What makes the run fail: anything lost, twice, wrong or unaudited, and any 5xx. */
export const failures = (r: LoadResult): number =>
  r.serverErrors + r.lost + r.duplicated + r.missingAudit + r.confirmLost + r.confirmDuplicated + r.confirmMissingAudit + r.confirmWrong + r.confirmAnswers.other;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seconds = option('seconds', 60);
  const users = option('users', 200);
  const partners = option('partners', PARTNERS);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Load run on ${process.platform} ${process.arch}, node ${process.version}, ${new Date().toISOString()}`);
  const azurite = await startAzurite({ inMemory: true });
  try {
    const store = await createStore({ connection: { connectionString: azurite.connectionString }, tablePrefix: 'load' });
    const result = await runLoad({ store, users, seconds, partners, today: brusselsDate(new Date().toISOString()), say });
    const a = result.confirmAnswers;
    say(`add-in API: ${result.requests} requests in ${seconds} s (${result.rps}/s), latency p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms`);
    say(`bot: ${result.confirmClicks} confirm clicks, latency p50 ${result.botP50Ms} ms, p95 ${result.botP95Ms} ms; answered: confirmed ${a.confirmed}, repeated ${a.repeated}, already confirmed by a colleague ${a.alreadyConfirmed}, other ${a.other}`);
    say(`answers: ${Object.entries(result.byStatus).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    say(`in storage: ${result.activeFlags} active flags; lost ${result.lost}, duplicated ${result.duplicated}, confirmed without audit entry ${result.missingAudit}; 5xx ${result.serverErrors}`);
    say(
      `in storage (R16): ${result.confirmed} of ${result.seededConsultations} seeded consultations confirmed, ${result.clickedConsultations} clicked; ` +
        `lost ${result.confirmLost}, duplicated ${result.confirmDuplicated}, wrong confirmer ${result.confirmWrong}, without audit entry ${result.confirmMissingAudit}`,
    );
    say(JSON.stringify({ load: result, node: process.version }));
    if (failures(result) > 0) process.exitCode = 1;
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
