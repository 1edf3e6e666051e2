/**
 * R9 through the product as `npm start` composes it (shared/server/main.ts): a member submits a safety signal
 * with the bot's signal form; within seconds the landlord's mailbox gets the mail (locally: the .eml
 * outbox in DATA_DIR), next to the alert in Teams. Wiring only; the rules are in
 * test/integration/jobs/safety.test.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoData, PLAYGROUND_TENANT, playgroundUser } from '../../../shared/demo/demo-data';
import { brusselsDate } from '../../../shared/rules/calendar';
import type { Dossier } from '../../../shared/rules/types';
import { ConnectorStub } from '../bot/connector-stub';
import { freePort } from '../../support/net';

const root = path.resolve(__dirname, '../../..');

it('a safety signal from the bot\'s form is in the landlord\'s outbox within seconds', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wb-safety-'));
  const port = await freePort();
  const connector = new ConnectorStub();
  await connector.start();
  const { AZURE_TABLES_CONNECTION_STRING: _cs, AZURE_TABLES_ENDPOINT: _endpoint, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'shared/server/main.ts'], {
    cwd: root,
    env: { ...inherited, PORT: String(port), DATA_DIR: dataDir, AZURITE_PORT: '0', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (let i = 0; i < 300; i++) {
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const dossier = demoData(brusselsDate(new Date())).dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active') as Dossier;
    const invoke = {
      id: 'safety-1',
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:megan', aadObjectId: playgroundUser(1) },
      recipient: { id: '28:woonbegeleiding-bot' },
      conversation: { id: 'a:personal-megan', conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
      channelData: { tenant: { id: PLAYGROUND_TENANT } },
      value: { action: { type: 'Action.Execute', verb: 'signal.submit', data: { card: { kind: 'signal-form' }, formId: 'f-safety-1', dossierId: dossier.id, category: 'safety', description: 'Dreiging' } } },
    };
    const answer = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke) });
    expect(answer.status).toBe(200);
    const outbox = path.join(dataDir, 'outbox');
    const started = Date.now();
    let mails: string[] = [];
    while (Date.now() - started < 15_000) {
      mails = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.startsWith('mail_safety_')) : [];
      if (mails.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(mails).toHaveLength(1);
  } finally {
    child.kill('SIGINT');
    await exited;
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 300_000);
