/**
 * R13-R16: one partner's consultation of a month as it is held (the meeting side panel and its
 * stage view): the agenda's three parts (get-agenda: the same data, access and least data as the
 * agenda card in the partner's chat), the conclusions noted so far or sent, the confirmation, and
 * whether this user may decide (the landlord's coordinator; partner members follow along).
 */
import { isAllowed } from '../rules/access';
import { partnerSeesDossier, type Agenda } from '../rules/agenda';
import type { Consultation, Partner, YearMonth } from '../rules/types';
import type { ServiceContext } from './context';
import { getAgenda } from './get-agenda';

export interface GetMeetingInput {
  partnerId?: string;
  month?: YearMonth;
}

export interface Meeting {
  agenda: Agenda;
  partner?: Partner;
  consultation?: Consultation;
  /** 'conclusions.record' for this user: note conclusions and close the list. */
  canDecide: boolean;
  /** Dossier id -> number, for the agenda's dossiers and those of the conclusions (closed since). */
  numbers: ReadonlyMap<string, string>;
}

export async function getMeeting(ctx: ServiceContext, input: GetMeetingInput = {}): Promise<Meeting> {
  const agenda = await getAgenda(ctx, input);
  const [partner, consultation] = await Promise.all([ctx.ports.partners.get(agenda.partnerId), ctx.ports.consultations.get(agenda.partnerId, agenda.month)]);
  const numbers = new Map([...agenda.overview, ...agenda.toDiscuss, ...agenda.otherTrajectories].map((d) => [d.dossierId, d.number]));
  // A dossier stopped or ended by this consultation left the agenda: its number, and only that.
  const concluded = [...(consultation?.conclusions ?? []), ...(consultation?.draftConclusions ?? [])].map((c) => c.dossierId);
  for (const id of concluded.filter((d) => !numbers.has(d))) {
    const dossier = await ctx.ports.dossiers.get(id);
    if (dossier && partnerSeesDossier(dossier, agenda.partnerId)) numbers.set(id, dossier.number);
  }
  return {
    numbers,
    agenda,
    ...(partner ? { partner } : {}),
    ...(consultation ? { consultation } : {}),
    canDecide: isAllowed(ctx.user, 'conclusions.record'),
  };
}
