/**
 * The landlord's overview of all trajectories for the months [from, to] (the overview page and
 * `woonbegeleiding report`): one use case, so the page and the command show the same numbers.
 * Reads per partition, never per dossier: the partners, then per partner its dossier list with their
 * visits, its consultations of those months and its signal feed (three partition reads per partner,
 * whatever the number of dossiers). Counts come from statuses, dates and kinds only (rules/report.ts),
 * so they hold after a privacy purge. Landlord roles only ('report.read').
 */
import { authorize } from '../rules/access';
import { brusselsMidnight, monthsBetween, type CalendarConfig } from '../rules/calendar';
import { buildReport, type Report } from '../rules/report';
import type { Consultation, Dossier, Signal, Visit, YearMonth } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import { todayOf, type ServiceContext } from './context';
import type { LandlordPorts } from './ports';
import { invalid, requireMonth } from './validate';

export interface GetReportInput {
  from: YearMonth;
  to: YearMonth;
}

/** At most this many months in one overview: a few years, a bounded read. */
export const REPORT_MAX_MONTHS = 60;

/** Partners read a few at a time: fast, without a burst against one storage account. */
const PARALLEL_PARTNERS = 8;

interface PartnerData {
  listed: { dossier: Dossier; visits?: Visit[] }[];
  consultations: Consultation[];
  signals: Signal[];
}

async function readPartner(ports: LandlordPorts, partnerId: string, input: GetReportInput): Promise<PartnerData> {
  const [listed, consultations, signals] = await Promise.all([
    ports.dossiers.listForPartnerWithVisits(partnerId),
    ports.consultations.listByPartner(partnerId, { from: input.from, to: input.to }),
    ports.signals.listByPartner(partnerId, { since: brusselsMidnight(`${input.from}-01`) }),
  ]);
  return { listed, consultations, signals };
}

/** The report from storage, without an access check: for the service below and the bench. */
export async function reportFromStore(ports: LandlordPorts, input: GetReportInput, today: string, calendar: CalendarConfig): Promise<Report> {
  const partners = await ports.partners.list();
  const data: PartnerData[] = [];
  for (let i = 0; i < partners.length; i += PARALLEL_PARTNERS) {
    data.push(...(await Promise.all(partners.slice(i, i + PARALLEL_PARTNERS).map((p) => readPartner(ports, p.id, input)))));
  }
  // A dossier is in the lists of its registering and its supporting partner: counted once.
  const dossiers = new Map<string, { dossier: Dossier; visits: Visit[] }>();
  const uncopied: Dossier[] = [];
  for (const { listed } of data) {
    for (const { dossier, visits } of listed) {
      if (dossiers.has(dossier.id)) continue;
      dossiers.set(dossier.id, { dossier, visits: visits ?? [] });
      if (!visits) uncopied.push(dossier);
    }
  }
  // Only a copy written before copies carried visits needs its dossier's own read (as get-agenda).
  for (const d of uncopied) {
    const entry = dossiers.get(d.id);
    if (entry) entry.visits = await ports.visits.listByDossier(d.id);
  }
  return buildReport({
    from: input.from,
    to: input.to,
    today,
    calendar,
    partners,
    dossiers: [...dossiers.values()],
    consultations: data.flatMap((d) => d.consultations),
    signals: data.flatMap((d) => d.signals),
  });
}

/** The months of an overview, checked: both months valid, in order, at most REPORT_MAX_MONTHS. */
export function reportRange(input: { from?: unknown; to?: unknown }): GetReportInput {
  const from = requireMonth(input?.from, 'fromMonth');
  const to = requireMonth(input?.to, 'toMonth');
  if (to < from) throw invalid('toMonth', msg.reportToBeforeFrom);
  if (monthsBetween(from, to).length > REPORT_MAX_MONTHS) throw invalid('toMonth', msg.reportTooLong(REPORT_MAX_MONTHS));
  return { from, to };
}

export async function getReport(ctx: ServiceContext, input: GetReportInput): Promise<Report> {
  authorize(ctx.user, 'report.read');
  return reportFromStore(ctx.ports, reportRange(input), todayOf(ctx), ctx.calendar);
}
