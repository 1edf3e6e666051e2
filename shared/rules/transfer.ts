/**
 * R6 [product]: everything still open follows a dossier to the organisation that took it over, so the
 * trajectory keeps its continuity ("Zo wordt de continuïteit van het traject verzekerd", §4):
 *   - signals not yet discussed: they count for the agenda of the organisation that holds the dossier
 *     now (`signalCountsFor`); the signal itself keeps who raised it (history);
 *   - open information requests: addressed to the new organisation, with the handover on the request
 *     (`requestFollowingTransfer`); the reminder counts from the handover (information.ts);
 *   - flags for a consultation not yet held: withdrawn from the old organisation's consultation and
 *     set, with the same statement, on the new one's of the same month (`flagFollowingTransfer`).
 * The old organisation sees none of it afterwards (it lost access to the dossier, access.ts); nothing
 * is deleted. Pure decisions: the services store what they return.
 */
import { partnerSeesDossier } from './access';
import { monthCalendar, nextMonth, nextOpenConsultation, type CalendarConfig } from './calendar';
import { isBefore } from './dates';
import type { Dossier, Flag, InformationRequest, Instant, IsoDate, Signal, YearMonth } from './types';

/**
 * R6: the organisation that now holds what `partnerId` held on this dossier: `partnerId` itself while
 * it still sees the dossier; after it handed the dossier over, the organisation it handed it to (and on,
 * through later transfers). Undefined when the chain ends at nobody who sees the dossier.
 */
export function currentHolderOf(dossier: Dossier, partnerId: string): string | undefined {
  let holder = partnerId;
  // Each step follows one accepted transfer: at most as many steps as there are transfers.
  for (let step = 0; step <= dossier.transfers.length; step++) {
    if (partnerSeesDossier(dossier, holder)) return holder;
    const handedTo = dossier.transfers.filter((t) => t.status === 'accepted' && t.fromPartnerId === holder).at(-1)?.toPartnerId;
    if (!handedTo) return undefined;
    holder = handedTo;
  }
  return undefined;
}

/** R6, R14: a signal counts for the agenda of the organisation that holds the dossier in the raiser's place. */
export const signalCountsFor = (dossier: Dossier, signal: Signal, partnerId: string): boolean =>
  currentHolderOf(dossier, signal.partnerId) === partnerId;

/** R6: an accepted transfer gave this dossier to `partnerId` on or after `since`. */
export const takenOverSince = (dossier: Dossier, partnerId: string, since: IsoDate): boolean =>
  dossier.transfers.some((t) => t.status === 'accepted' && t.toPartnerId === partnerId && t.decidedOn !== undefined && !isBefore(t.decidedOn, since));

/**
 * A consultation not yet held on `today`: its meeting day is today or later (a meeting on the day of the
 * change has not been held yet for what changes that day).
 */
export const consultationNotYetHeld = (month: YearMonth, today: IsoDate, config: CalendarConfig): boolean =>
  !isBefore(monthCalendar(month, config).meetingDate, today);

/**
 * The months whose consultation may hold a flag not yet discussed at `now`: from the month of today's
 * (or the next) meeting up to the last month a flag may be for (`monthsAhead` after the next open one).
 */
export function monthsNotYetHeld(now: Instant, today: IsoDate, monthsAhead: number, config: CalendarConfig): YearMonth[] {
  const last = nextMonth(nextOpenConsultation(now, config).month, monthsAhead);
  const months: YearMonth[] = [];
  for (let month = nextMonth(today.slice(0, 7), -1); month <= last; month = nextMonth(month)) {
    if (consultationNotYetHeld(month, today, config)) months.push(month);
  }
  return months;
}

/**
 * R6: an open request addressed to an organisation that handed the dossier over now goes to the one
 * that holds it, and says so. Anything else (answered, lapsed, still the right organisation) is
 * returned as is (the same object).
 */
export function requestFollowingTransfer(request: InformationRequest, dossier: Dossier, today: IsoDate): InformationRequest {
  if (!isOpenRequest(request)) return request;
  const holder = currentHolderOf(dossier, request.partnerId);
  if (!holder || holder === request.partnerId) return request;
  return { ...request, partnerId: holder, handedOver: [...(request.handedOver ?? []), { fromPartnerId: request.partnerId, on: today }] };
}

/** R10: an open information request: not answered, and not lapsed by a withdrawal of consent (R7). */
export const isOpenRequest = (request: InformationRequest): boolean => !request.answer && !request.lapsedOn;

export interface FlagMove {
  /** The old organisation's flag, withdrawn because of the transfer (kept: history). */
  ended: Flag;
  /** The same flag on the new organisation's consultation of the same month. */
  moved: Flag;
}

/**
 * R6: an active flag of an organisation that handed the dossier over, for a consultation not yet held,
 * follows the dossier: the same statement, who set it and when, on the consultation of the organisation
 * that holds the dossier now. Undefined when the flag stays (withdrawn already, held already, or its
 * organisation still sees the dossier).
 */
export function flagFollowingTransfer(flag: Flag, dossier: Dossier, now: Instant, today: IsoDate, config: CalendarConfig): FlagMove | undefined {
  if (flag.dossierId !== dossier.id || flag.withdrawnAt || !consultationNotYetHeld(flag.month, today, config)) return undefined;
  const holder = currentHolderOf(dossier, flag.partnerId);
  if (!holder || holder === flag.partnerId) return undefined;
  const { withdrawnAt: _w, withdrawnBecause: _b, ...active } = flag;
  return {
    ended: { ...flag, withdrawnAt: now, withdrawnBecause: 'transfer' },
    moved: { ...active, partnerId: holder, transferredFrom: flag.partnerId },
  };
}
