/**
 * The jobs with the Azure adapters: Microsoft Graph (the strict local fake over HTTPS) for mail,
 * Teams meetings and the mailbox, through createJobDeps as the server builds them. A crash right
 * after Graph accepted a mail is recovered by finding the mail in Sent Items by its key.
 */
import { createJobDeps } from '../../../shared/jobs/compose';
import type { JobDeps } from '../../../shared/jobs/context';
import { jobKeys } from '../../../shared/jobs/keys';
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../../../shared/jobs/settings';
import { RecordingTeamsPublisher } from '../../../shared/jobs/teams-publishers';
import type { Dossier } from '../../../shared/rules/types';
import { FakeGraph, httpsFetch } from '../../support/fake-graph';
import { at, CrashError, createJobsWorld, deVaartMember, DEMO, guarded, MAILBOX, type JobsWorld } from './jobs-world';

const fake = new FakeGraph({ mailboxes: [MAILBOX] });
let world: JobsWorld;

beforeAll(async () => {
  await fake.start();
  world = await createJobsWorld();
});
afterAll(() => fake.stop());

function graphDeps(teams = new RecordingTeamsPublisher()): JobDeps & { teams: RecordingTeamsPublisher } {
  const settings: JobSettings = { ...DEFAULT_JOB_SETTINGS, mode: 'azure', transport: 'graph', graph: { baseUrl: fake.baseUrl } };
  const deps = createJobDeps({
    settings,
    dataDir: world.dir,
    store: world.store,
    teams,
    fetch: httpsFetch(fake.certificate.cert),
    credential: { getToken: async () => ({ token: fake.token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
  });
  return { ...deps, teams };
}

describe('the jobs through Microsoft Graph', () => {
  it('R13, R16: a crash right after Graph accepted a mail; the restart finds it in Sent Items and sends the rest once', async () => {
    const first = graphDeps();
    let dead = false;
    const alive = () => {
      if (dead) throw new CrashError();
    };
    const graphMail = first.mail;
    let accepted = 0;
    first.mail = {
      findSent: (mailbox, key) => (alive(), graphMail.findSent(mailbox, key)),
      send: async (m) => {
        alive();
        const sent = await graphMail.send(m);
        if (++accepted === 2) {
          dead = true; // Graph accepted it; the process dies before recording that
          throw new CrashError();
        }
        return sent;
      },
    };
    first.store = { ...first.store, exactlyOnce: guarded(world.store.exactlyOnce, alive) };
    const crashed = await runDueJobs(first, at('2026-11-19T07:00'));
    expect(crashed.errors.length).toBeGreaterThan(0);
    expect(fake.sent).toHaveLength(2);

    const restarted = graphDeps();
    const report = await runDueJobs(restarted, at('2026-11-19T08:00'));
    expect(report.errors).toEqual([]);
    expect(report.entries.filter((e) => e.outcome === 'recovered').map((e) => e.effect)).toEqual(['invitation-mail']);
    expect(fake.sent).toHaveLength(4);
    expect(fake.sent.map((s) => s.message.singleValueExtendedProperties?.[0]?.value).sort()).toEqual(
      ['de-linde', 'de-vaart', 'onderdak', 'woonkracht'].map((p) => jobKeys.invitationMail('vivendo', p, '2026-11')),
    );
    // Three Teams meetings (de-linde meets in person), each created once; the links are in the mails.
    expect(fake.meetings.size).toBe(3);
    const vaart = fake.sent.find((s) => s.message.subject.includes('[WB:de-vaart:2026-11]'));
    expect(vaart?.message.body.content).toContain([...fake.meetings.values()].find((m) => m.externalId === 'wb-vivendo-de-vaart-2026-11')?.joinWebUrl.replace(/&/g, '&amp;'));
    expect(vaart?.message.toRecipients).toEqual([{ emailAddress: { address: deVaartMember.email } }]);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${fake.token}`)).toBe(true);

    const again = await runDueJobs(graphDeps(), at('2026-11-19T09:00'));
    expect(again.entries.filter((e) => e.outcome !== 'already-done')).toEqual([]);
    expect(fake.sent).toHaveLength(4);
  });

  it('R15: a reply read from the mailbox through Graph (uniqueBody) becomes a flag and is acknowledged through Graph', async () => {
    const dossier = DEMO.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.registeringPartnerId === 'de-vaart' && d.status === 'active') as Dossier;
    fake.inbox.push({
      id: 'AAMk-1',
      internetMessageId: '<reply-graph@devaart.example>',
      subject: 'RE: Uitnodiging structureel overleg woonbegeleiding van 26/11/2026 [WB:de-vaart:2026-11]',
      from: deVaartMember.email as string,
      to: [MAILBOX],
      receivedDateTime: '2026-11-20T09:30:00Z',
      uniqueText: `${dossier.number}: buren klagen over lawaai`,
    });
    const deps = graphDeps();
    await runDueJobs(deps, at('2026-11-20T11:00'));
    expect(await world.ports.flags.get('de-vaart', '2026-11', dossier.id)).toMatchObject({ source: 'email', problem: 'buren klagen over lawaai' });
    const ack = fake.sent.at(-1);
    expect(ack?.message.toRecipients).toEqual([{ emailAddress: { address: deVaartMember.email } }]);
    expect(ack?.message.subject).toBe('Ontvangen: agendering voor het structureel overleg van 26/11/2026 [WB:de-vaart:2026-11]');
  });
});
