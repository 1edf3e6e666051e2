/**
 * R9: a safety signal reaches the landlord's mailbox within seconds, whatever the time of day, next to
 * its Teams channel: the server's notifier mails it at once (withSafetyMail), and the `safety` job of
 * every run mails any safety signal whose mail did not go (mail down, a crash). Exactly once; least
 * data (no description, no tenant name); a signal that is not about safety is not mailed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withSafetyMail } from '../../../shared/jobs';
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import { jobKeys } from '../../../shared/jobs/keys';
import { parseMime } from '../../../shared/mail/mime';
import { mailMessages } from '../../../shared/messages/mail';
import type { Dossier, Instant, User } from '../../../shared/rules/types';
import { createServiceContext } from '../../../shared/services/context';
import { RecordingNotifier } from '../../../shared/services/notifier';
import { raiseSignal } from '../../../shared/services/raise-signal';
import { at, createJobsWorld, DEMO, deVaartMember, LANDLORD, MAILBOX, type Instance, type JobsWorld } from './jobs-world';

const DESCRIPTION = 'Geheime beschrijving: dreiging met een mes';
// Saturday night, 23:40: "whatever the time of day".
const NIGHT = at('2026-11-28T23:40');

let world: JobsWorld;
beforeAll(async () => {
  world = await createJobsWorld();
});

const deVaartDossiers = (): Dossier[] => DEMO.dossiers.filter((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active');

/** The server's notifier: Teams (recorded here) with the R9 mail through `instance`'s adapters. */
function serverNotifier(instance: Instance, now: Instant) {
  const teams = new RecordingNotifier();
  return { teams, notifier: withSafetyMail(teams, () => instance.deps, { clock: () => new Date(now) }) };
}

const raise = (notifier: RecordingNotifier | ReturnType<typeof withSafetyMail>, who: User, now: Instant, dossier: Dossier, category: 'safety' | 'insufficient-cooperation' = 'safety') =>
  raiseSignal(createServiceContext({ store: world.store, landlord: LANDLORD, user: who, now, notifier }), { dossierId: dossier.id, category, description: DESCRIPTION });

async function mailsOf(key: string) {
  return (await world.outbox.list()).filter((e) => e.key === key);
}

describe('R9 safety mail', () => {
  it('goes to the landlord\'s mailbox at once, with the partner, the moment and the dossier number only', async () => {
    const instance = world.instance();
    const { teams, notifier } = serverNotifier(instance, NIGHT);
    const dossier = deVaartDossiers()[0] as Dossier;
    const { signal } = await raise(notifier, deVaartMember, NIGHT, dossier);
    await notifier.idle();
    expect(teams.of('safetyAlert')).toHaveLength(1); // the Teams alert still goes
    const key = jobKeys.safetyMail(LANDLORD.id, dossier.id, signal.id);
    const [mail] = await mailsOf(key);
    expect(mail).toMatchObject({ from: MAILBOX, to: [MAILBOX], subject: mailMessages.safetySubject(dossier.number) });
    const parsed = parseMime(readFileSync(path.join(world.dir, 'outbox', (mail as { file: string }).file)));
    expect(parsed.text).toContain(mailMessages.safetyBody('Begeleidingsdienst De Vaart', '2026-11-28', '23:40', dossier.number));
    for (const secret of [DESCRIPTION, dossier.tenant.name]) {
      expect(parsed.text).not.toContain(secret);
      expect(parsed.html).not.toContain(secret);
    }
    // The next run of the jobs finds it mailed: nothing twice.
    await runDueJobs(instance.deps, at('2026-11-29T00:00'));
    expect(await mailsOf(key)).toHaveLength(1);
    expect(instance.sends.filter((k) => k === key)).toHaveLength(1);
  });

  it('is not sent for a signal that is not about safety (R8 goes to Teams only)', async () => {
    const instance = world.instance();
    const { notifier } = serverNotifier(instance, NIGHT);
    const dossier = deVaartDossiers()[1] as Dossier;
    await raise(notifier, deVaartMember, NIGHT, dossier, 'insufficient-cooperation');
    await notifier.idle();
    await runDueJobs(instance.deps, at('2026-11-29T00:15'));
    expect(instance.sends.filter((k) => k.startsWith(`mail|safety|${LANDLORD.id}|${dossier.id}|`))).toEqual([]);
  });

  it('mail down when the signal is raised: the signal is stored, and the next run of the jobs mails it, once', async () => {
    const down = world.instance();
    const failing = { ...down.deps, mail: { send: () => Promise.reject(new Error('mail down')), findSent: () => Promise.resolve(undefined) } };
    const teams = new RecordingNotifier();
    const notifier = withSafetyMail(teams, () => failing, { clock: () => new Date(NIGHT) });
    const dossier = deVaartDossiers()[2] as Dossier;
    const { signal, changed } = await raise(notifier, deVaartMember, NIGHT, dossier);
    await notifier.idle();
    expect(changed).toBe(true);
    const key = jobKeys.safetyMail(LANDLORD.id, dossier.id, signal.id);
    expect(await mailsOf(key)).toEqual([]);

    const next = world.instance();
    await runDueJobs(next.deps, at('2026-11-29T00:00'));
    expect(await mailsOf(key)).toHaveLength(1);
    await runDueJobs(next.deps, at('2026-11-29T00:15'));
    expect(next.sends.filter((k) => k === key)).toHaveLength(1);
  });

  it('the notifier and a run of the jobs at the same moment send it once between them', async () => {
    const a = world.instance();
    const b = world.instance();
    const teams = new RecordingNotifier();
    const notifier = withSafetyMail(teams, () => a.deps, { clock: () => new Date(NIGHT) });
    const dossier = deVaartDossiers()[3] as Dossier;
    const { signal } = await raise(notifier, deVaartMember, NIGHT, dossier);
    await Promise.all([notifier.idle(), runDueJobs(b.deps, NIGHT)]);
    const key = jobKeys.safetyMail(LANDLORD.id, dossier.id, signal.id);
    expect([...a.sends, ...b.sends].filter((k) => k === key)).toHaveLength(1);
    expect(await mailsOf(key)).toHaveLength(1);
  });
});
