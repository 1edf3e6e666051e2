/**
 * Replays the protocol calendar hour by hour on the demo data with the clock as input, with what
 * people do in between (an information request, a flag in Teams, a flag by e-mail reply, conclusions
 * recorded and one confirmed), optionally with a crash after the N-th send (the "process" restarts
 * at the next hour) or with several instances at once. November 2026: invitation Thu 19/11, flag
 * deadline Thu 26/11 00:00, meeting Thu 26/11.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jobKeys } from '../../../shared/jobs/keys';
import { visitsToPlan } from '../../../shared/jobs/milestones';
import { runDueJobs } from '../../../shared/jobs/run-due-jobs';
import { parseMime } from '../../../shared/mail/mime';
import { fileNameForKey } from '../../../shared/mail/files';
import { brusselsDate } from '../../../shared/rules/calendar';
import type { Dossier } from '../../../shared/rules/types';
import { confirmConclusions } from '../../../shared/services/confirm-conclusions';
import { flagDossier } from '../../../shared/services/flag-dossier';
import { getAgenda } from '../../../shared/services/get-agenda';
import { recordConclusions } from '../../../shared/services/record-conclusions';
import { requestInformation } from '../../../shared/services/request-information';
import { at, coordinator, createJobsWorld, deVaartMember, DEMO, LANDLORD, woonkrachtMember, type Instance, type JobsWorld } from './jobs-world';

export const L = LANDLORD.id;
export const M = '2026-11';
export const PARTNERS = ['de-linde', 'de-vaart', 'onderdak', 'woonkracht'];
export const TEAMS_PARTNERS = ['de-vaart', 'onderdak', 'woonkracht'];

const supportedBy = (p: string) => (d: Dossier) => d.supportingPartnerId === p && d.registeringPartnerId === p && d.status === 'active' && d.consent !== undefined && d.transfers.length === 0;
export const infoDossier = DEMO.dossiers.find(supportedBy('de-vaart')) as Dossier;
export const teamsFlagDossier = DEMO.dossiers.filter(supportedBy('de-vaart'))[1] as Dossier;
export const mailFlagDossier = DEMO.dossiers.find(supportedBy('woonkracht')) as Dossier;

/** What people do, at the hour it happens (before that hour's run). */
function events(world: JobsWorld): Map<string, () => Promise<unknown>> {
  const conclusionsFor = async (partnerId: string, now: string) => {
    const agenda = await getAgenda(world.ctx(coordinator, now), { partnerId, month: M });
    return recordConclusions(world.ctx(coordinator, now), {
      partnerId,
      month: M,
      conclusions: agenda.toDiscuss.map((d) => ({ dossierId: d.dossierId, summary: 'Besproken; opvolging <loopt> & goed.', decision: { kind: 'none' } })),
    });
  };
  return new Map<string, () => Promise<unknown>>([
    [at('2026-11-02T10:00'), () => requestInformation(world.ctx(coordinator, at('2026-11-02T10:00')), { dossierId: infoDossier.id, question: 'Hoe loopt het traject?' })],
    [at('2026-11-20T10:00'), () => flagDossier(world.ctx(deVaartMember, at('2026-11-20T10:00')), { dossierId: teamsFlagDossier.id, problem: 'Afspraken niet nagekomen' })],
    [at('2026-11-26T15:00'), async () => (await conclusionsFor('de-vaart', at('2026-11-26T15:00')), await conclusionsFor('woonkracht', at('2026-11-26T15:00')))],
    [at('2026-11-27T10:00'), () => confirmConclusions(world.ctx(woonkrachtMember, at('2026-11-27T10:00')), { month: M })],
  ]);
}

function dropReply(world: JobsWorld): void {
  world.reply('reply-woonkracht', {
    from: woonkrachtMember.email as string,
    subject: `RE: Uitnodiging structureel overleg woonbegeleiding van 26/11/2026 [WB:woonkracht:${M}]`,
    text: `${mailFlagDossier.number}: huurder laat niemand binnen\n\nOp do 19 nov 2026 om 07:00 schreef Vivendo:\n> 2. Te bespreken dossiers\n> VT-2025-021`,
    date: at('2026-11-21T09:12'),
  });
}

export interface Replay {
  world: JobsWorld;
  /** Every run's entries that did something, with the hour. */
  done: { at: string; effect: string; key: string; outcome: string }[];
  instances: Instance[];
}

export async function replay(
  moments: readonly string[],
  options: { crashAfterSends?: number; instances?: number } = {},
): Promise<Replay> {
  const world = await createJobsWorld();
  dropReply(world);
  const happenings = events(world);
  const done: Replay['done'] = [];
  const spawn = (crash?: number) => world.instance(crash === undefined ? {} : { crashAfterSends: crash });
  let running = Array.from({ length: options.instances ?? 1 }, (_, i) => spawn(i === 0 ? options.crashAfterSends : undefined));
  const instances = [...running];
  for (const now of moments) {
    await happenings.get(now)?.();
    const reports = await Promise.all(running.map((i) => runDueJobs(i.deps, now)));
    for (const r of reports) for (const e of r.entries) if (e.outcome !== 'already-done') done.push({ at: now, effect: e.effect, key: e.key, outcome: e.outcome });
    // A dead process is restarted at the next hour: a new instance on the same storage.
    running = running.map((i) => (i.dead ? (instances.push(spawn()), instances[instances.length - 1] as Instance) : i));
  }
  return { world, done, instances };
}

export const sendsOf = (r: Replay) => r.instances.flatMap((i) => i.sends);
export const postsOf = (r: Replay) => r.instances.flatMap((i) => i.teams.posts);
export const firstAt = (r: Replay, key: string) => r.done.find((d) => d.key === key && (d.outcome === 'done' || d.outcome === 'recovered'))?.at;
export const emlOf = (r: Replay, key: string) => parseMime(readFileSync(path.join(r.world.outbox.dir, fileNameForKey(key, 'eml'))));

/**
 * The hours at which something happens, and the hour after each: enough to act out a crash (the
 * restart comes an hour later, after the lease) and a second instance, without replaying every hour.
 */
export const busyHours = [
  '2026-11-19T06:00', '2026-11-19T07:00', '2026-11-19T08:00',
  '2026-11-20T10:00', '2026-11-20T11:00',
  '2026-11-21T10:00', '2026-11-21T11:00',
  '2026-11-26T00:00', '2026-11-26T01:00', '2026-11-26T15:00', '2026-11-26T16:00',
  '2026-11-27T07:00', '2026-11-27T08:00', '2026-11-27T10:00', '2026-11-27T11:00',
  '2026-12-03T07:00', '2026-12-03T08:00',
].map(at);

/** The mails of the busy hours, by key (the acknowledgement's key ends in a hash of the reply). */
export const busyMails = [
  ...PARTNERS.map((p) => jobKeys.invitationMail(L, p, M)),
  'mail|reply-ack|vivendo|*',
  jobKeys.cancellationMail(L, 'onderdak', M),
  jobKeys.conclusionsMail(L, 'de-vaart', M),
  jobKeys.conclusionsMail(L, 'woonkracht', M),
  jobKeys.conclusionsReminder(L, 'de-vaart', M),
].sort();

/** The Teams posts of the busy hours, by key. */
export function busyPosts(): string[] {
  const visits = new Set<string>();
  for (const day of new Set(busyHours.map((t) => brusselsDate(t)))) {
    for (const d of DEMO.dossiers) for (const m of visitsToPlan(d, day, 28, { closingDays: [] })) visits.add(jobKeys.planVisit(L, d.id, m.kind, m.due));
  }
  return [
    ...PARTNERS.map((p) => jobKeys.agendaCard(L, p, M)),
    ...['de-linde', 'de-vaart', 'woonkracht'].map((p) => jobKeys.closedCard(L, p, M)),
    jobKeys.consultationOff(L, 'onderdak', M),
    jobKeys.recordConclusionsReminder(L, 'de-linde', M),
    ...visits,
  ].sort();
}

/** Keys with the acknowledgement's hash left out, to compare with `busyDayMails`. */
export const withoutHash = (keys: Iterable<string>): string[] => [...keys].map((k) => k.replace(/^(mail\|reply-ack\|vivendo\|).*$/, '$1*')).sort();
