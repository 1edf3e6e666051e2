/**
 * A month of the protocol calendar replayed hour by hour, 1 November to 5 December 2026, on the demo
 * data (four partners; de-linde meets in person, onderdak has no members with an e-mail address):
 * the right mails and cards, on the right day, each exactly once (replay.ts).
 */
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import { jobKeys } from '../../../shared/jobs/keys';
import { visitsToPlan } from '../../../shared/jobs/milestones';
import { brusselsDate } from '../../../shared/rules/calendar';
import { addDays } from '../../../shared/rules/dates';
import { at, counts, deVaartMember, DEMO, hours, LANDLORD, MAILBOX, woonkrachtMember } from './jobs-world';
import { emlOf, firstAt, L, M, mailFlagDossier, PARTNERS, postsOf, replay, sendsOf, TEAMS_PARTNERS, type Replay } from './replay';

describe('a month of the protocol calendar, hour by hour', () => {
  let r: Replay;
  beforeAll(async () => {
    r = await replay(hours('2026-11-01T00:00', '2026-12-05T00:00'));
  }, 300_000);

  it('every mail and every Teams post happens exactly once', () => {
    expect([...counts(sendsOf(r)).values()].every((n) => n === 1)).toBe(true);
    expect([...counts(postsOf(r).map((p) => p.message.key)).values()].every((n) => n === 1)).toBe(true);
    expect(r.done.filter((d) => d.outcome !== 'done')).toEqual([]);
  });

  it('R13: one invitation per partner with ongoing dossiers, on Thursday 19/11/2026 from 07:00, never before', () => {
    for (const p of PARTNERS) expect(firstAt(r, jobKeys.invitationMail(L, p, M))).toBe(at('2026-11-19T07:00'));
    expect(sendsOf(r).filter((k) => k.startsWith('mail|invitation|'))).toHaveLength(4);
    for (const p of PARTNERS) expect(firstAt(r, jobKeys.agendaCard(L, p, M))).toBe(at('2026-11-19T07:00'));
  });

  it('R16: a Teams meeting for each partner that meets in Teams, none for the one that meets in person', () => {
    expect(r.instances[0]?.meetings.sort()).toEqual(TEAMS_PARTNERS.map((p) => `wb-${L}-${p}-${M}`));
    const linde = emlOf(r, jobKeys.invitationMail(L, 'de-linde', M));
    expect(linde.text).toContain(`op het kantoor van de verhuurder: ${LANDLORD.officeAddress}`);
    const vaart = emlOf(r, jobKeys.invitationMail(L, 'de-vaart', M));
    expect(vaart.text).toContain(`https://teams.invalid/l/meetup-join/wb-${L}-de-vaart-${M}`);
  });

  it('the invitations parse back as mail: headers, reference, both parts, the right recipients', () => {
    for (const p of PARTNERS) {
      const eml = emlOf(r, jobKeys.invitationMail(L, p, M));
      expect(eml.header('subject')).toBe(`Uitnodiging structureel overleg woonbegeleiding van 26/11/2026 [WB:${p}:${M}]`);
      expect(eml.header('x-wb-reference')).toBe(`[WB:${p}:${M}]`);
      expect(eml.header('x-wb-key')).toBe(jobKeys.invitationMail(L, p, M));
      expect(eml.header('date')).toBe('Thu, 19 Nov 2026 07:00:00 +0100');
      expect(eml.header('from')).toBe(`"Vivendo" <${MAILBOX}>`);
      expect(eml.header('auto-submitted')).toBe('auto-generated');
      expect(eml.text).toContain('2. Te bespreken dossiers');
      expect(eml.html).toContain('<h2');
    }
    expect(emlOf(r, jobKeys.invitationMail(L, 'de-vaart', M)).header('to')).toBe(deVaartMember.email);
    // No member with an address: the organisation's general address (R5).
    expect(emlOf(r, jobKeys.invitationMail(L, 'onderdak', M)).header('to')).toBe('contact@onderdak.example');
  });

  it('R15: a flag by e-mail reply becomes a flag of that user, dated when the reply arrived, acknowledged once', async () => {
    const flag = await r.world.ports.flags.get('woonkracht', M, mailFlagDossier.id);
    expect(flag).toMatchObject({ source: 'email', flaggedBy: woonkrachtMember.objectId, problem: 'huurder laat niemand binnen' });
    expect(Date.parse(flag?.flaggedAt ?? '')).toBe(Date.parse(at('2026-11-21T09:12')));
    expect(sendsOf(r).filter((k) => k.startsWith('mail|reply-ack|'))).toHaveLength(1);
    const ack = r.done.find((d) => d.effect === 'reply-ack');
    expect(ack?.at).toBe(at('2026-11-21T10:00'));
    expect(emlOf(r, ack?.key as string).text).toContain(`${mailFlagDossier.number}: staat op de agenda.`);
    expect(emlOf(r, ack?.key as string).header('to')).toBe(woonkrachtMember.email);
  });

  it('R15: at 00:00 on the meeting day the partner with nothing to discuss is told it is off; the others get the closed list', async () => {
    const deadline = at('2026-11-26T00:00');
    expect(firstAt(r, jobKeys.cancellationMail(L, 'onderdak', M))).toBe(deadline);
    expect(firstAt(r, jobKeys.consultationOff(L, 'onderdak', M))).toBe(deadline);
    expect((await r.world.ports.consultations.get('onderdak', M))?.status).toBe('cancelled');
    for (const p of ['de-linde', 'de-vaart', 'woonkracht']) {
      expect(firstAt(r, jobKeys.closedCard(L, p, M))).toBe(deadline);
      expect(firstAt(r, jobKeys.cancellationMail(L, p, M))).toBeUndefined();
    }
    const closed = postsOf(r).filter((p) => p.type === 'publishAgenda' && p.message.stage === 'closed');
    expect(closed.map((p) => p.message.key).sort()).toEqual(['de-linde', 'de-vaart', 'woonkracht'].map((p) => jobKeys.closedCard(L, p, M)));
    expect(emlOf(r, jobKeys.cancellationMail(L, 'onderdak', M)).header('subject')).toBe(`Het structureel overleg van 26/11/2026 gaat niet door [WB:onderdak:${M}]`);
  });

  it('R16: the day after, the coordinator is reminded once where conclusions are missing; recorded ones are mailed once', () => {
    expect(firstAt(r, jobKeys.recordConclusionsReminder(L, 'de-linde', M))).toBe(at('2026-11-27T07:00'));
    expect(r.done.filter((d) => d.effect === 'record-conclusions-reminder')).toHaveLength(1);
    for (const p of ['de-vaart', 'woonkracht']) expect(firstAt(r, jobKeys.conclusionsMail(L, p, M))).toBe(at('2026-11-26T15:00'));
    const mail = emlOf(r, jobKeys.conclusionsMail(L, 'de-vaart', M));
    expect(mail.header('subject')).toBe(`Conclusies van het structureel overleg van 26/11/2026: ter bevestiging [WB:de-vaart:${M}]`);
    expect(mail.html).toContain('Besproken; opvolging &lt;loopt&gt; &amp; goed.');
  });

  it('R16: 5 working days without confirmation, one reminder; none for the partner that confirmed', () => {
    // Mailed Thu 26/11: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3/12.
    expect(firstAt(r, jobKeys.conclusionsReminder(L, 'de-vaart', M))).toBe(at('2026-12-03T07:00'));
    expect(firstAt(r, jobKeys.conclusionsReminder(L, 'woonkracht', M))).toBeUndefined();
    expect(sendsOf(r).filter((k) => k.startsWith('mail|conclusions-reminder|'))).toHaveLength(1);
  });

  it('R10: an open information request is reminded once, 5 working days after it was asked', () => {
    const reminders = r.done.filter((d) => d.effect === 'information-reminder');
    expect(reminders.map((d) => d.at)).toEqual([at('2026-11-09T07:00')]);
  });

  it('R17, R19: the coordinator is asked once to plan each visit that falls due, ahead of time', () => {
    const expected = new Set<string>();
    for (let day = '2026-11-01'; day < '2026-12-05'; day = addDays(day, 1)) {
      for (const d of DEMO.dossiers) for (const m of visitsToPlan(d, day, 28, { closingDays: [] })) expected.add(jobKeys.planVisit(L, d.id, m.kind, m.due));
    }
    const asked = r.instances.flatMap((i) => i.teams.of('remindCoordinator')).filter((m) => m.reminder.kind === 'plan-visit');
    expect(expected.size).toBeGreaterThan(0);
    expect(asked.map((m) => m.key).sort()).toEqual([...expected].sort());
    for (const m of asked) {
      const reminder = m.reminder as { due: string };
      expect(brusselsDate(m.at) <= reminder.due).toBe(true);
      expect(brusselsDate(m.at) >= addDays(reminder.due, -28)).toBe(true);
    }
  });

  it('running any moment again sends nothing new', async () => {
    const again = r.world.instance();
    for (const now of [at('2026-11-19T07:00'), at('2026-11-26T00:00'), at('2026-11-27T07:00'), at('2026-12-03T07:00')]) {
      const report = await runDueJobs(again.deps, now);
      expect(report.entries.filter((e) => e.outcome !== 'already-done')).toEqual([]);
    }
    expect(again.sends).toEqual([]);
    expect(again.teams.posts).toEqual([]);
  });
});

