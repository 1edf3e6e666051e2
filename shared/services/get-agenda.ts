/**
 * R13, R14 (with R4, R15, R17-R20): the agenda of one partner's consultation of a month, built by the
 * pure `buildAgenda` from that partner's data only:
 *   - the partner's dossier list with the visits of each dossier (one partition; a copy written before
 *     copies carried visits: that dossier's visits from its own partition),
 *   - the partner's signals raised since the window start (one partition),
 *   - the consultation and its flags (one partition),
 *   - the contact log of the dossiers whose log is on (R4),
 *   - R6: the signals of a dossier the partner took over since the window start (its old organisation's
 *     signals follow the dossier; the rule keeps those that count for this partner).
 * Nothing of other partners is read: the cost grows with this partner's dossiers only.
 *
 * A partner member sees its own organisation's agenda; the landlord any partner's. The agenda holds
 * no tenant names (see agenda.ts); the flags' problem statements come wrapped as PersonalText.
 */
import { isRunning } from '../rules/trajectory';
import { partnerNotFound } from '../rules/access';
import { buildAgenda, isOpenDossier, recordWindow, type Agenda } from '../rules/agenda';
import { DomainError } from '../rules/errors';
import { flagMonthAt } from '../rules/flags';
import { takenOverSince } from '../rules/transfer';
import type { Consultation, ContactLogEntry, Dossier, Partner, Signal, Visit, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import type { ServiceContext } from './context';
import { loadPartner } from './dossier-access';
import { isLandlordRole, memberPartnerId } from './roles';
import { optionalId, optionalMonth } from './validate';

export interface GetAgendaInput {
  /** Landlord: required. A member: its own organisation (the default). */
  partnerId?: string;
  /** Default: the next consultation whose flag deadline has not passed (R15). */
  month?: YearMonth;
}

/** Reads per dossier run a few at a time: fast, without a burst against one storage account. */
const PARALLEL_READS = 8;

async function inBatches<T, R>(items: readonly T[], read: (item: T) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL_READS) {
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL_READS).map(read))).flat());
  }
  return out;
}


function partnerOf(ctx: ServiceContext, requested: string | undefined): string {
  if (isLandlordRole(ctx.user)) {
    if (!requested) throw new DomainError('validation', msg.fieldMissing(msg.fieldLabel.partnerId), { fields: ['partnerId'] });
    return requested;
  }
  const own = memberPartnerId(ctx.user);
  if (!own) throw new DomainError('forbidden', msg.agendaNotAllowed);
  if (requested && requested !== own) throw partnerNotFound();
  return own;
}

/** The agenda with what every surface shows beside it: the partner (place, name) and, once invited, the stored consultation (its Teams link, its conclusions). */
export interface AgendaView {
  agenda: Agenda;
  partner: Partner;
  consultation?: Consultation;
}

export async function getAgenda(ctx: ServiceContext, input: GetAgendaInput = {}): Promise<Agenda> {
  return (await getAgendaView(ctx, input)).agenda;
}

/** The agenda, its partner and its consultation in one call: the reads the agenda needs anyway, nothing more. */
export async function getAgendaView(ctx: ServiceContext, input: GetAgendaInput = {}): Promise<AgendaView> {
  const partnerId = partnerOf(ctx, optionalId(input?.partnerId, 'partnerId'));
  const month = optionalMonth(input?.month) ?? flagMonthAt(ctx.now, ctx.calendar);
  const window = recordWindow(month, ctx.calendar);

  const [partner, listed, signals, { consultation, flags }] = await Promise.all([
    loadPartner(ctx, partnerId),
    ctx.ports.dossiers.listForPartnerWithVisits(partnerId),
    ctx.ports.signals.listByPartner(partnerId, { since: window.from }),
    ctx.ports.consultations.getWithFlags(partnerId, month),
  ]);
  const open = listed.filter((c) => isOpenDossier(c.dossier));
  const dossiers = open.map((c) => c.dossier);
  const running = open.filter((c) => isRunning(c.dossier));
  const [uncopied, contactLog, handedOver] = await Promise.all([
    // Visits come with the list; only a copy that does not carry them (older) needs its own read.
    inBatches<Dossier, Visit>(running.filter((c) => !c.visits).map((c) => c.dossier), (d) => ctx.ports.visits.listByDossier(d.id)),
    inBatches<Dossier, ContactLogEntry>(dossiers.filter((d) => d.contactLogActive), (d) => ctx.ports.contactLog.listByDossier(d.id)),
    // R6: a dossier taken over within the window brings the signals its old organisation raised.
    inBatches<Dossier, Signal>(dossiers.filter((d) => takenOverSince(d, partnerId, window.fromDate)), (d) => ctx.ports.signals.listByDossier(d.id)),
  ]);
  const visits = [...running.flatMap((c) => c.visits ?? []), ...uncopied];
  const own = new Set(signals.map((x) => x.id));
  const allSignals = [...signals, ...handedOver.filter((x) => !own.has(x.id))];
  const agenda = buildAgenda({ partnerId, month, dossiers, signals: allSignals, flags, visits, contactLog, now: ctx.now }, ctx.calendar);
  return { agenda, partner, ...(consultation ? { consultation } : {}) };
}
