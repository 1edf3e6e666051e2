/**
 * Run as a child process by graph-process.test.ts: the production path of the Graph adapters (the
 * global fetch of Node, the settings from the environment, createJobDeps), trusting the fake's
 * certificate through NODE_EXTRA_CA_CERTS as a deployment trusts its CAs. Prints one JSON line.
 */
import { createJobDeps } from '../../../shared/jobs/compose';
import { loadJobSettings } from '../../../shared/jobs/settings';

async function main(): Promise<void> {
  const settings = loadJobSettings(process.env);
  const token = process.env.FAKE_GRAPH_TOKEN ?? '';
  const deps = createJobDeps({
    settings,
    dataDir: '/nonexistent',
    store: {} as never,
    credential: { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
  });
  const mailbox = process.env.LANDLORD_MAILBOX ?? '';
  const key = 'mail|process-test';
  const sent = await deps.mail.send({ key, from: { address: mailbox }, to: ['a@partner.example'], subject: 'Test', text: 't', html: '<p>t</p>', date: new Date().toISOString() });
  const found = await deps.mail.findSent(mailbox, key);
  const meeting = await deps.meetings.ensureMeeting({
    organizer: settings.graph.organizer ?? mailbox,
    externalId: 'wb-process-test',
    subject: 'Test',
    start: '2026-11-26T09:30:00+01:00',
    end: '2026-11-26T10:15:00+01:00',
  });
  process.stdout.write(JSON.stringify({ sent, found, meeting }) + '\n');
}

main().catch((err: unknown) => {
  process.stdout.write(JSON.stringify({ error: err instanceof Error ? `${err.name}: ${err.message}` : 'error' }) + '\n');
  process.exitCode = 1;
});
