/**
 * What the protocol calendar's jobs need from the outside world, in the product's own terms. The
 * implementations: Microsoft Graph in Azure (shared/graph), files locally (shared/mail), and the bot
 * for Teams (bot/). Each operation carries the exactly-once `key` of its effect, so an implementation
 * can recognise a repeat after a crash.
 */
import type { Instant, MilestoneKind, YearMonth } from '../rules/types';

// ---------------------------------------------------------------------------------------------
// Mail

export interface MailAddress {
  address: string;
  name?: string;
}

export interface OutgoingMail {
  /** The effect's exactly-once key, e.g. `mail|invitation|vivendo|de-vaart|2026-11` (header X-WB-Key). */
  key: string;
  /** The landlord's mailbox. */
  from: MailAddress;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** `[WB:<partnerId>:<YYYY-MM>]` (header X-WB-Reference), for consultation mail. */
  reference?: string;
  /** Threading of an answer to a received message (Message-ID with angle brackets). */
  inReplyTo?: string;
  references?: string[];
  /** The moment of sending (the job's `now`): the Date of a file; Graph stamps its own. */
  date: Instant;
}

export interface SentMail {
  messageId: string;
  sentAt?: Instant;
}

export interface MailSender {
  /** Sends one message. Throws when it was not accepted. */
  send(mail: OutgoingMail): Promise<SentMail>;
  /**
   * The message sent earlier from `mailbox` under this key, if any: after a crash between sending and
   * recording it, this is how a resumed job knows not to send it again.
   */
  findSent(mailbox: string, key: string): Promise<SentMail | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Teams meetings

export interface MeetingRequest {
  /** The organiser (the landlord's mailbox user). */
  organizer: string;
  /** Stable per partner and month: asking again answers the same meeting. */
  externalId: string;
  subject: string;
  start: Instant;
  end: Instant;
}

export interface Meeting {
  meetingId: string;
  joinUrl: string;
}

export interface MeetingProvider {
  /** R16: creates the month's online meeting, or answers the one created before with this externalId. */
  ensureMeeting(request: MeetingRequest): Promise<Meeting>;
}

// ---------------------------------------------------------------------------------------------
// Replies in the landlord's mailbox

export interface InboundMail {
  /** The provider's id (Graph message id, file name). */
  id: string;
  internetMessageId?: string;
  /** Sender address, lower case. */
  from: string;
  to: string[];
  subject: string;
  receivedAt: Instant;
  /** Plain text; without the quoted earlier messages when `quotedRemoved`. */
  text: string;
  quotedRemoved: boolean;
  inReplyTo?: string;
  /** An out-of-office or other automatic answer (RFC 3834 Auto-Submitted): never processed. */
  autoSubmitted: boolean;
  /**
   * What the receiving server found of the sender (Authentication-Results: DMARC or Microsoft's
   * composite authentication): false when it failed, undefined when not known.
   */
  senderVerified?: boolean;
}

export interface MailboxReader {
  /** Messages received in `mailbox` from `since` (inclusive) until `until` (inclusive), oldest first. */
  listSince(mailbox: string, since: Instant, until: Instant): Promise<InboundMail[]>;
}

// ---------------------------------------------------------------------------------------------
// Teams (implemented by the bot)

/** Did the post reach a conversation? False when the partner has no linked conversation. */
export interface TeamsDelivery {
  delivered: boolean;
}

interface TeamsMessageBase {
  landlordId: string;
  /**
   * The effect's exactly-once key. After a crash the same key can come again: post at most once per
   * key (e.g. update the activity stored for it) where the implementation can.
   */
  key: string;
  at: Instant;
}

export interface ConsultationSlot {
  meetingDate: string;
  /** Local Brussels times, "HH:MM". */
  startTime: string;
  endTime: string;
  mode: 'teams' | 'in-person';
  joinUrl?: string;
  /** In person: the landlord's office address (R16). */
  address?: string;
}

/** R13/R15: the partner's agenda card; the bot loads the agenda itself (getAgenda) to render it. */
export interface AgendaCardMessage extends TeamsMessageBase {
  partnerId: string;
  month: YearMonth;
  /** 'invitation': posted on invitation day; 'closed': refreshed when the flag deadline passed. */
  stage: 'invitation' | 'closed';
  slot: ConsultationSlot;
}

/** R15: nothing to discuss when the deadline passed. */
export interface ConsultationOffMessage extends TeamsMessageBase {
  partnerId: string;
  month: YearMonth;
  meetingDate: string;
  nextMeetingDate: string;
}

export type CoordinatorReminder =
  /** R16: the day after the consultation, until conclusions are recorded. */
  | { kind: 'record-conclusions'; partnerId: string; month: YearMonth; meetingDate: string }
  /** R17, R19, R20: plan the home visit ahead of its due date. */
  | { kind: 'plan-visit'; dossierId: string; dossierNumber: string; milestone: Extract<MilestoneKind, 'home-visit-3m' | 'final-evaluation'>; due: string };

export type UnclearReplyReason =
  | 'unknown-sender'
  | 'unverified-sender'
  | 'other-partner'
  | 'unknown-partner'
  | 'no-dossier-numbers'
  | 'without-problem'
  | 'dossier-not-found'
  | 'reply-to-conclusions';

export type CoordinatorAlert =
  /** A reply the product does not act on by itself: a person looks at it (never guessed). */
  | {
      kind: 'unclear-reply';
      reasons: UnclearReplyReason[];
      /** To find the message in the landlord's mailbox. */
      mail: { from: string; receivedAt: Instant; internetMessageId?: string };
      partnerId?: string;
      month?: YearMonth;
      /** Dossier numbers that could not be flagged. */
      dossierNumbers: string[];
    }
  /** An effect failed too often and is no longer retried. */
  | { kind: 'job-failed'; effectKey: string; reason: string };

export interface TeamsPublisher {
  publishAgenda(message: AgendaCardMessage): Promise<TeamsDelivery>;
  consultationOff(message: ConsultationOffMessage): Promise<TeamsDelivery>;
  remindCoordinator(message: TeamsMessageBase & { reminder: CoordinatorReminder }): Promise<TeamsDelivery>;
  alertCoordinator(message: TeamsMessageBase & { alert: CoordinatorAlert }): Promise<TeamsDelivery>;
}

export type CoordinatorReminderMessage = Parameters<TeamsPublisher['remindCoordinator']>[0];
export type CoordinatorAlertMessage = Parameters<TeamsPublisher['alertCoordinator']>[0];
