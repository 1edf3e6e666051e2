/**
 * R15 by e-mail: replies in the landlord's mailbox (the local inbox of .eml files). A known member's
 * dossier numbers become flags through the flag-dossier service, as that user, at the moment the
 * reply arrived; anything unclear goes to the coordinator; each reply is processed once.
 */
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import type { CoordinatorAlert } from '../../../shared/jobs/ports';
import { parseMime } from '../../../shared/mail/mime';
import { fileNameForKey } from '../../../shared/mail/files';
import type { Dossier } from '../../../shared/rules/types';
import { getAgenda } from '../../../shared/services/get-agenda';
import { recordConclusions } from '../../../shared/services/record-conclusions';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { at, coordinator, createJobsWorld, deVaartMember, DEMO, woonkrachtMember, type Instance, type JobsWorld } from './jobs-world';

const M = '2026-11';
const REF = `[WB:de-vaart:${M}]`;
const open = (p: string) => DEMO.dossiers.filter((d) => d.supportingPartnerId === p && d.registeringPartnerId === p && d.status === 'active' && d.transfers.length === 0);
const [d1, d2, d3] = open('de-vaart') as [Dossier, Dossier, Dossier];
const other = open('woonkracht')[0] as Dossier;

let world: JobsWorld;
let jobs: Instance;
beforeEach(async () => {
  world = await createJobsWorld();
  jobs = world.instance();
  await runDueJobs(jobs.deps, at('2026-11-19T07:00')); // the invitations
  jobs.sends.length = 0;
  jobs.teams.posts.length = 0;
});

const alerts = () => jobs.teams.of('alertCoordinator').map((m) => m.alert as Extract<CoordinatorAlert, { kind: 'unclear-reply' }>);
const ackText = () => {
  const key = jobs.sends.find((k) => k.startsWith('mail|reply-ack|')) as string;
  return parseMime(readFileSync(path.join(world.outbox.dir, fileNameForKey(key, 'eml')))).text as string;
};

describe('replies to the invitation', () => {
  it('R15: each line "<number> <problem>" becomes a flag of that member; a number alone or two on a line go to the coordinator', async () => {
    world.reply('r1', {
      from: 'MeganB@Example.com',
      subject: `RE: Uitnodiging ${REF}`,
      text: `${d1.number}: huur al twee maanden niet betaald\n${d2.number}\n${d3.number} en ${other.number}: overlast`,
      date: at('2026-11-20T14:03'),
    });
    await runDueJobs(jobs.deps, at('2026-11-20T15:00'));

    const flags = await world.ports.flags.list('de-vaart', M);
    expect(flags).toEqual([expect.objectContaining({ dossierId: d1.id, problem: 'huur al twee maanden niet betaald', source: 'email', flaggedBy: deVaartMember.objectId })]);
    expect(alerts()).toEqual([
      expect.objectContaining({ kind: 'unclear-reply', reasons: ['without-problem'], partnerId: 'de-vaart', dossierNumbers: [d2.number, d3.number, other.number] }),
    ]);
    const text = ackText();
    expect(text).toContain(`${d1.number}: staat op de agenda.`);
    expect(text).toContain(`${d2.number}: niet geagendeerd, want de omschrijving van het probleem ontbreekt.`);
    expect(text).toContain(`${d3.number}: niet geagendeerd: zet elk dossiernummer op een eigen regel`);

    // Processed once: later runs within the look-back read it again and do nothing.
    await runDueJobs(jobs.deps, at('2026-11-21T15:00'));
    expect(jobs.sends.filter((k) => k.startsWith('mail|reply-ack|'))).toHaveLength(1);
    expect(alerts()).toHaveLength(1);
  });

  it("a dossier that is not the partner's answers as not found (no hint that it exists) and goes to the coordinator", async () => {
    world.reply('r2', { from: deVaartMember.email as string, subject: `RE: ${REF}`, text: `${other.number}: probleem`, date: at('2026-11-20T09:00') });
    await runDueJobs(jobs.deps, at('2026-11-20T10:00'));
    expect(await world.ports.flags.list('woonkracht', M)).toEqual([]);
    expect(alerts()[0]).toMatchObject({ reasons: ['dossier-not-found'], dossierNumbers: [other.number] });
    expect(ackText()).toContain(`${other.number}: dit dossiernummer vinden we niet bij jullie dossiers.`);
  });

  it('R15: the moment of arrival counts: sent 23:50 the day before, processed after 00:00, it is on the list', async () => {
    world.reply('r3', { from: deVaartMember.email as string, subject: `RE: ${REF}`, text: `${d2.number}: nieuw probleem`, date: at('2026-11-25T23:50') });
    const report = await runDueJobs(jobs.deps, at('2026-11-26T00:00'));
    expect((await world.ports.flags.get('de-vaart', M, d2.id))?.problem).toBe('nieuw probleem');
    // Replies run before the deadline step: the closed card is for a list with the flag on it.
    expect(report.entries.map((e) => e.job).indexOf('replies')).toBeLessThan(report.entries.map((e) => e.job).indexOf('deadline'));
  });

  it('R15: after the deadline the flag is refused with the date of the next consultation, told in the acknowledgement', async () => {
    world.reply('r4', { from: deVaartMember.email as string, subject: `RE: ${REF}`, text: `${d2.number}: te laat`, date: at('2026-11-26T08:30') });
    await runDueJobs(jobs.deps, at('2026-11-26T09:00'));
    expect(await world.ports.flags.get('de-vaart', M, d2.id)).toBeUndefined();
    expect(ackText()).toMatch(new RegExp(`${d2.number}: niet geagendeerd\\. Agenderen voor het structureel overleg van 26/11/2026 kon tot en met 25/11/2026\\. .*31/12/2026`));
  });

  it('R7, R9: a flag by e-mail on a dossier whose consent was withdrawn is refused with the reason, pointing to the safety report', async () => {
    await world.ports.dossiers.update(d3.id, (d) => ({ ...d, consent: d.consent && { ...d.consent, withdrawnOn: '2026-11-10' } }));
    world.reply('r12', { from: deVaartMember.email as string, subject: `RE: ${REF}`, text: `${d3.number}: huurachterstand`, date: at('2026-11-20T09:00') });
    await runDueJobs(jobs.deps, at('2026-11-20T10:00'));
    expect(await world.ports.flags.get('de-vaart', M, d3.id)).toBeUndefined();
    const text = ackText().replace(/\s+/g, ' ');
    expect(text).toContain(`${d3.number}: niet geagendeerd`);
    expect(text).toContain('geen geldige toestemmingsverklaring van de huurder');
    expect(text).toContain('veiligheidssignaal');
  });

  it('unclear senders and answers go to the coordinator, without an automatic answer', async () => {
    world.reply('r5', { from: 'vreemde@elders.example', subject: `RE: ${REF}`, text: `${d1.number}: x`, date: at('2026-11-20T09:00') });
    world.reply('r6', { from: woonkrachtMember.email as string, subject: `RE: ${REF}`, text: `${d1.number}: x`, date: at('2026-11-20T09:01') });
    world.reply('r7', { from: deVaartMember.email as string, subject: `RE: ${REF}`, text: 'Bedankt, we zijn er bij.', date: at('2026-11-20T09:02') });
    world.reply('r8', { from: deVaartMember.email as string, subject: 'RE: [WB:nergens:2026-11]', text: `${d1.number}: x`, date: at('2026-11-20T09:03') });
    const forged = 'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=example.com; dkim=none; dmarc=fail action=quarantine header.from=example.com;compauth=fail reason=000';
    world.reply('r9', { from: deVaartMember.email as string, subject: `RE: ${REF}`, text: `${d1.number}: x`, date: at('2026-11-20T09:04'), headers: [['Authentication-Results', forged]] });
    await runDueJobs(jobs.deps, at('2026-11-20T10:00'));
    expect(alerts().map((a) => a.reasons)).toEqual([['unknown-sender'], ['other-partner'], ['no-dossier-numbers'], ['unknown-partner'], ['unverified-sender']]);
    expect(alerts()[0]?.mail).toEqual({ from: 'vreemde@elders.example', receivedAt: '2026-11-20T08:00:00Z', internetMessageId: '<r5@partner.example>' });
    expect(jobs.sends).toEqual([]);
    expect(await world.ports.flags.list('de-vaart', M)).toEqual([]);
  });

  it('R16: an answer to the conclusions (a confirmation or a remark) goes to the coordinator, not guessed', async () => {
    const now = at('2026-11-26T15:00');
    const agenda = await getAgenda(world.ctx(coordinator, now), { partnerId: 'de-vaart', month: M });
    await recordConclusions(world.ctx(coordinator, now), {
      partnerId: 'de-vaart',
      month: M,
      conclusions: agenda.toDiscuss.map((d) => ({ dossierId: d.dossierId, summary: 'ok', decision: { kind: 'none' } })),
    });
    world.reply('r19', { from: deVaartMember.email as string, subject: `RE: Conclusies ${REF}`, text: `Akkoord, maar ${d1.number}: nog opvolgen`, date: at('2026-11-27T09:00') });
    await runDueJobs(jobs.deps, at('2026-11-27T10:00'));
    expect(alerts().map((a) => a.reasons)).toEqual([['reply-to-conclusions']]);
    expect((await world.ports.consultations.get('de-vaart', M))?.status).toBe('conclusions-sent');
    expect(jobs.sends.filter((k) => k.startsWith('mail|reply-ack|'))).toEqual([]);
  });

  it('out-of-office answers and mail without our reference are left alone', async () => {
    world.reply('r10', { from: deVaartMember.email as string, subject: `Automatisch antwoord: ${REF}`, text: `${d1.number}: afwezig`, date: at('2026-11-20T09:00'), headers: [['Auto-Submitted', 'auto-replied']] });
    world.reply('r11', { from: deVaartMember.email as string, subject: 'Vraag over iets anders', text: `${d1.number}: iets`, date: at('2026-11-20T09:00') });
    const report = await runDueJobs(jobs.deps, at('2026-11-20T10:00'));
    expect(report.entries.filter((e) => e.job === 'replies')).toEqual([]);
    expect(jobs.teams.posts).toEqual([]);
  });
});
