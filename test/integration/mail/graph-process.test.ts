/**
 * The production path to Graph: a separate Node process with the global fetch, its settings from the
 * environment (MAIL_TRANSPORT=graph, GRAPH_BASE_URL, LANDLORD_MAILBOX, GRAPH_TENANT_ID/CLIENT_ID) and
 * the fake's certificate trusted through NODE_EXTRA_CA_CERTS, like a CA of the deployment.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeGraph } from '../../support/fake-graph';

const MAILBOX = 'woonbegeleiding@vivendo.example';
const fake = new FakeGraph({ mailboxes: [MAILBOX] });
const root = path.resolve(__dirname, '../../..');

beforeAll(() => fake.start());
afterAll(() => fake.stop());

const runChild = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['-r', 'tsx/cjs', path.join(root, 'test/support/fake-graph/graph-process.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 30_000,
  }).then(
    (r) => JSON.parse(r.stdout) as Record<string, unknown>,
    (e: { stdout?: string }) => JSON.parse(e.stdout ?? '{}') as Record<string, unknown>,
  );

const env = () => ({
  WOONBEGELEIDING_MODE: 'azure',
  MAIL_TRANSPORT: 'graph',
  GRAPH_BASE_URL: fake.baseUrl,
  LANDLORD_MAILBOX: MAILBOX,
  GRAPH_TENANT_ID: '00000000-0000-0000-0000-000000000001',
  GRAPH_CLIENT_ID: '00000000-0000-0000-0000-000000000002',
  FAKE_GRAPH_TOKEN: fake.token,
});

describe('Graph from a separate process (global fetch, NODE_EXTRA_CA_CERTS)', () => {
  it('R13, R16: sends, finds the sent mail by key and creates the meeting, with the bearer token over https', async () => {
    const out = await runChild({ ...env(), NODE_EXTRA_CA_CERTS: fake.certificate.certFile });
    expect(out.error).toBeUndefined();
    expect(out).toMatchObject({ sent: { messageId: expect.stringMatching(/^wb\./) }, found: { messageId: expect.stringMatching(/@fake-graph\.test>$/) } });
    expect((out.meeting as { joinUrl: string }).joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(fake.requests.map((r) => [r.method, r.path.replace(`/users/${MAILBOX}`, '/users/{mailbox}'), r.status, r.authorization])).toEqual([
      ['POST', '/v1.0/users/{mailbox}/sendMail', 202, `Bearer ${fake.token}`],
      ['GET', '/v1.0/users/{mailbox}/mailFolders/sentitems/messages', 200, `Bearer ${fake.token}`],
      ['POST', '/v1.0/users/{mailbox}/onlineMeetings/createOrGet', 201, `Bearer ${fake.token}`],
    ]);
  }, 30_000);

  it('without trusting the certificate nothing is sent: TLS is checked', async () => {
    const before = fake.requests.length;
    const out = await runChild(env());
    expect(String(out.error)).toMatch(/fetch failed|certificate|TypeError/i);
    expect(fake.requests.length).toBe(before);
  }, 30_000);
});
