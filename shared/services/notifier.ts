/**
 * Notifier port: what the use cases tell the outside world after a commit (the bot posts to Teams and
 * mails; DESIGN "Shape"). Events carry ids, enums and dates only, never names or free text: the
 * implementation loads what it needs to show, with its own access rules. An implementation must not
 * throw for a delivery problem it can retry itself; when it does throw, the use case has already
 * committed and reports `notified: false` where that matters (R9).
 */
import type { Instant, SignalCategory, YearMonth } from '../rules/types';

interface EventBase {
  landlordId: string;
  /** When the action happened (ServiceContext.now). */
  at: Instant;
  /** Object id of who acted. */
  actor: string;
}

/** R8: a signal reached the landlord; R9: a safety signal (also sent as `safetyAlert`). */
export interface SignalEvent extends EventBase {
  dossierId: string;
  signalId: string;
  /** The partner that raised it. */
  partnerId: string;
  category: SignalCategory;
  basis: 'consent' | 'safety-without-consent';
  urgent: boolean;
}

/** R15: a dossier was flagged for, or withdrawn from, a partner's consultation. */
export interface FlagEvent extends EventBase {
  partnerId: string;
  month: YearMonth;
  dossierId: string;
  change: 'flagged' | 'withdrawn';
}

/** R6: a transfer was requested (to the receiving partner and the landlord). */
export interface TransferRequestedEvent extends EventBase {
  dossierId: string;
  fromPartnerId: string;
  toPartnerId: string;
}

/** R6: the receiving partner decided, or the requesting one cancelled its request. */
export interface TransferDecidedEvent extends TransferRequestedEvent {
  outcome: 'accepted' | 'rejected' | 'cancelled';
}

/** R10: a request was asked (to the partner) or answered (to the landlord). */
export interface InformationEvent extends EventBase {
  dossierId: string;
  requestId: string;
  partnerId: string;
}

/** R16: conclusions sent for confirmation, or confirmed (optionally with a remark). */
export interface ConclusionsEvent extends EventBase {
  partnerId: string;
  month: YearMonth;
  dossierIds: string[];
}

export interface ConclusionsConfirmedEvent extends EventBase {
  partnerId: string;
  month: YearMonth;
  withRemark: boolean;
}

/**
 * R6: what was still open followed the dossier to the organisation that took it over: the landlord is
 * told who answers its open information requests now.
 */
export interface OpenItemsHandedOverEvent extends EventBase {
  dossierId: string;
  fromPartnerId: string;
  toPartnerId: string;
  requestIds: string[];
  /** Months whose consultation got a flag from the old organisation's. */
  flagMonths: YearMonth[];
}

/** R7: consent was withdrawn; these open information requests lapsed (the landlord is told). */
export interface InformationLapsedEvent extends EventBase {
  dossierId: string;
  requestIds: string[];
}

/** R7: a flag was withdrawn because consent was withdrawn: a notice to the one who set it. */
export interface FlagWithdrawnForConsentEvent extends EventBase {
  dossierId: string;
  partnerId: string;
  month: YearMonth;
  /** Object id of who set the flag. */
  flaggedBy: string;
}

/** R5: a support worker is out for a long period. */
export interface AbsenceEvent extends EventBase {
  partnerId: string;
  absenceId: string;
  dossierIds: string[];
}

export interface Notifier {
  /** R8: every signal, at once. */
  signalRaised(event: SignalEvent): Promise<void>;
  /** R9: a safety signal: the landlord's alert channel and mailbox, within seconds, any time of day. */
  safetyAlert(event: SignalEvent): Promise<void>;
  flagChanged(event: FlagEvent): Promise<void>;
  transferRequested(event: TransferRequestedEvent): Promise<void>;
  transferDecided(event: TransferDecidedEvent): Promise<void>;
  informationRequested(event: InformationEvent): Promise<void>;
  informationAnswered(event: InformationEvent): Promise<void>;
  conclusionsSent(event: ConclusionsEvent): Promise<void>;
  conclusionsConfirmed(event: ConclusionsConfirmedEvent): Promise<void>;
  absenceReported(event: AbsenceEvent): Promise<void>;
  openItemsHandedOver(event: OpenItemsHandedOverEvent): Promise<void>;
  informationLapsed(event: InformationLapsedEvent): Promise<void>;
  flagWithdrawnForConsent(event: FlagWithdrawnForConsentEvent): Promise<void>;
}

export type NotifierMethod = keyof Notifier;
export type NotifierEvent = { [K in NotifierMethod]: { type: K; event: Parameters<Notifier[K]>[0] } }[NotifierMethod];

export const NOTIFIER_METHODS: readonly NotifierMethod[] = [
  'signalRaised',
  'safetyAlert',
  'flagChanged',
  'transferRequested',
  'transferDecided',
  'informationRequested',
  'informationAnswered',
  'conclusionsSent',
  'conclusionsConfirmed',
  'absenceReported',
  'openItemsHandedOver',
  'informationLapsed',
  'flagWithdrawnForConsent',
];

/** Tells nobody (CLI, jobs that notify otherwise). */
export const noopNotifier: Notifier = Object.fromEntries(NOTIFIER_METHODS.map((m) => [m, () => Promise.resolve()])) as unknown as Notifier;

/** Keeps every event in order, for tests; `failWith` makes every call throw after recording it. */
export class RecordingNotifier implements Notifier {
  readonly events: NotifierEvent[] = [];
  failWith?: Error;

  private record(entry: NotifierEvent): Promise<void> {
    this.events.push(entry);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }

  of<K extends NotifierMethod>(type: K): Parameters<Notifier[K]>[0][] {
    return this.events.filter((e) => e.type === type).map((e) => e.event as Parameters<Notifier[K]>[0]);
  }

  clear(): void {
    this.events.length = 0;
  }

  signalRaised = (event: SignalEvent) => this.record({ type: 'signalRaised', event });
  safetyAlert = (event: SignalEvent) => this.record({ type: 'safetyAlert', event });
  flagChanged = (event: FlagEvent) => this.record({ type: 'flagChanged', event });
  transferRequested = (event: TransferRequestedEvent) => this.record({ type: 'transferRequested', event });
  transferDecided = (event: TransferDecidedEvent) => this.record({ type: 'transferDecided', event });
  informationRequested = (event: InformationEvent) => this.record({ type: 'informationRequested', event });
  informationAnswered = (event: InformationEvent) => this.record({ type: 'informationAnswered', event });
  conclusionsSent = (event: ConclusionsEvent) => this.record({ type: 'conclusionsSent', event });
  conclusionsConfirmed = (event: ConclusionsConfirmedEvent) => this.record({ type: 'conclusionsConfirmed', event });
  absenceReported = (event: AbsenceEvent) => this.record({ type: 'absenceReported', event });
  openItemsHandedOver = (event: OpenItemsHandedOverEvent) => this.record({ type: 'openItemsHandedOver', event });
  informationLapsed = (event: InformationLapsedEvent) => this.record({ type: 'informationLapsed', event });
  flagWithdrawnForConsent = (event: FlagWithdrawnForConsentEvent) => this.record({ type: 'flagWithdrawnForConsent', event });
}
