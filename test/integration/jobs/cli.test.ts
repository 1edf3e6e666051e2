/**
 * `woonbegeleiding jobs --at ...` and `woonbegeleiding outbox`, tried as a new user would on the local
 * product: the demo data, the file outbox in DATA_DIR, a moment in Brussels time.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jobsCommand } from '../../../shared/cli/commands/jobs';
import { outboxCommand } from '../../../shared/cli/commands/outbox';
import { UsageError } from '../../../shared/cli/cli-error';
import type { OutboxEntry } from '../../../shared/mail/outbox';
import { createStore } from '../../../shared/store';
import { seedDemo } from '../../../shared/services/seed-demo';
import { testConnectionString, testPrefix } from '../../setup/test-store';

const prefix = testPrefix();
const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-cli-jobs-'));
process.env.TABLE_PREFIX = prefix;
process.env.DATA_DIR = dataDir;

const run = async (command: typeof jobsCommand, ...args: string[]) => {
  const out: string[] = [];
  await command(args, (t) => out.push(t));
  return out.join('\n');
};

beforeAll(async () => {
  const store = await createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });
  await seedDemo(store, '2026-11-01');
});

describe('woonbegeleiding jobs / outbox', () => {
  it('before the invitation time there is nothing to do, and the outbox is empty', async () => {
    expect(await run(jobsCommand, '--at', '2026-11-19T06:00')).toBe('Taken op do 19/11/2026 06:00 (Brusselse tijd):\nOp dit moment moet er niets gebeuren.');
    expect(await run(outboxCommand)).toContain('Er staat geen e-mail in de outbox');
  });

  it('R13: on invitation day one invitation per partner goes to the outbox, and the command says what it did', async () => {
    const out = await run(jobsCommand, '--at', '2026-11-19T08:00');
    expect(out).toMatch(/^Taken op do 19\/11\/2026 08:00 \(Brusselse tijd\):/);
    expect(out.match(/uitnodiging met agenda \(e-mail\) +gedaan, 1 ontvanger/g)).toHaveLength(4);
    expect(out.match(/Teams-vergadering +gedaan/g)).toHaveLength(3);
    expect(out).toMatch(/Samen: \d+ nieuw, 0 hersteld na een onderbreking, 0 mislukt/);
    expect(readdirSync(path.join(dataDir, 'outbox'))).toHaveLength(4);
    // Locally the Teams posts are files too, one per key.
    expect(readdirSync(path.join(dataDir, 'teams')).filter((f) => f.startsWith('teams_agenda_'))).toHaveLength(4);

    const entries = JSON.parse(await run(outboxCommand, '--json')) as OutboxEntry[];
    expect(entries.map((e) => e.reference).sort()).toEqual(['[WB:de-linde:2026-11]', '[WB:de-vaart:2026-11]', '[WB:onderdak:2026-11]', '[WB:woonkracht:2026-11]']);
    expect(entries.every((e) => e.date === '2026-11-19T07:00:00Z')).toBe(true);
  });

  it('running it again sends nothing new', async () => {
    expect(await run(jobsCommand, '--at', '2026-11-19T08:00')).toMatch(/Niets nieuws: alles wat op dit moment moest gebeuren, is al gebeurd\.$/);
    expect(readdirSync(path.join(dataDir, 'outbox'))).toHaveLength(4);
  });

  it('R15: at the deadline the partner with nothing to discuss is told; the outbox shows it first (newest first)', async () => {
    const out = await run(jobsCommand, '--at', '2026-11-26T00:00');
    expect(out).toMatch(/aanmeldtermijn +onderdak +2026-11 +- +overleg gaat niet door \(e-mail\) +gedaan/);
    const table = await run(outboxCommand);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Verzonden +Aan +Onderwerp +Bestand$/);
    expect(lines[2]).toMatch(/^26\/11\/2026 00:00 +contact@onderdak\.example +Het structureel overleg van 26\/11\/2026 gaat niet door \[WB:onderdak:2026-11\]/);
    expect(lines.at(-1)).toBe(`5 e-mails in ${path.join(dataDir, 'outbox')}.`);
  });

  it('--json gives the report; a moment that is not one is refused in Dutch', async () => {
    const report = JSON.parse(await run(jobsCommand, '--at', '2026-11-26T00:00', '--json')) as { at: string; entries: { outcome: string }[] };
    expect(report.at).toBe('2026-11-26T00:00:00+01:00');
    expect(report.entries.every((e) => e.outcome === 'already-done')).toBe(true);
    await expect(run(jobsCommand, '--at', '26/11/2026')).rejects.toThrow(new UsageError('Ongeldig tijdstip "26/11/2026": gebruik JJJJ-MM-DDTUU:MM (Brusselse tijd), bijvoorbeeld 2026-11-19T08:00.'));
  });

  it('never replays against Microsoft Graph: a trial with --at must not send real mail', async () => {
    process.env.MAIL_TRANSPORT = 'graph';
    process.env.LANDLORD_MAILBOX = 'woonbegeleiding@vivendo.example';
    process.env.GRAPH_TENANT_ID = 't';
    process.env.GRAPH_CLIENT_ID = 'c';
    try {
      await expect(run(jobsCommand, '--at', '2026-11-19T08:00')).rejects.toThrow(UsageError);
      expect(await run(outboxCommand)).toContain('"Verzonden items" van woonbegeleiding@vivendo.example');
    } finally {
      for (const name of ['MAIL_TRANSPORT', 'LANDLORD_MAILBOX', 'GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID']) delete process.env[name];
    }
  });
});
