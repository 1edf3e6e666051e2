/**
 * Domain types of the collaboration protocol (../shared/PROTOCOL.md). Plain data only: no classes,
 * no I/O, so rules, services, store and adapters all speak the same language.
 *
 * Dates: a calendar day in Europe/Brussels is an `IsoDate` ("2025-12-24"); a month is a `YearMonth`
 * ("2025-12"); a moment is an `Instant` (ISO 8601 with offset, e.g. "2025-12-24T00:00:00+01:00").
 */

export type IsoDate = string;
export type YearMonth = string;
export type Instant = string;

/** Configuration of one landlord. Name, address and mailbox are configuration, not code. */
export interface LandlordConfig {
  id: string;
  name: string;
  /** Address of the landlord's offices, where an in-person consultation is held (R16). */
  officeAddress: string;
  mailbox: string;
  /** §3: the line a tenant calls for an urgent technical problem in the home (on the contact letter). */
  technicalEmergencyPhone?: string;
  /** Extra closing days on which no protocol date may fall (R-H). */
  closingDays: IsoDate[];
  /** Microsoft 365 (Entra) tenant of the landlord's own staff. */
  m365TenantId?: string;
}

/** General contact details of a support organisation that the tenant can use (R5). */
export interface PartnerContact {
  phone: string;
  email: string;
  officeHours: string;
}

export type MeetingMode = 'teams' | 'in-person';

export interface Partner {
  id: string;
  landlordId: string;
  name: string;
  contact: PartnerContact;
  /** Entra tenant of the organisation: users from it may sign in (tenant allowlist). */
  m365TenantId?: string;
  /** How this partner's consultation is held (R16); Teams by default. */
  meetingMode: MeetingMode;
}

export type Role = 'landlord-coordinator' | 'landlord-staff' | 'partner-member';

/** A person who uses the product, identified by Entra tenant + object id. */
export interface User {
  landlordId: string;
  tenantId: string;
  objectId: string;
  displayName: string;
  email?: string;
  role: Role;
  /** Set for partner members: the organisation they belong to. */
  partnerId?: string;
}

/** VT = accelerated allocation (versnelde toewijzing); 'other' = support asked outside it (R13c). */
export type TrajectoryKind = 'VT' | 'other';

export type TrajectoryStatus = 'candidacy' | 'active' | 'extended' | 'closed-positive' | 'stopped';

/** The three parties that sign the "Bevestiging van een begeleidingsovereenkomst" (R1). */
export type Signatory = 'supportWorker' | 'tenant' | 'landlord';
export const SIGNATORIES: readonly Signatory[] = ['supportWorker', 'tenant', 'landlord'];

/** The tenant's signed consent to share information (R7). */
export interface Consent {
  givenOn: IsoDate;
  scope: string;
  withdrawnOn?: IsoDate;
}

/** An extension decision (R20): a positive multiple of 3 months. */
export interface Extension {
  months: number;
  decidedOn: IsoDate;
}

/** A requested or completed handover to another support organisation (R6). */
export interface Transfer {
  fromPartnerId: string;
  toPartnerId: string;
  requestedOn: IsoDate;
  requestedBy: string;
  reason: string;
  /** 'cancelled': the requesting organisation took its request back before it was decided. */
  status: 'requested' | 'accepted' | 'rejected' | 'cancelled';
  /** The day it was accepted, refused or cancelled. */
  decidedOn?: IsoDate;
  /** Why the receiving organisation refused, written for the requester (free text, never audited). */
  refusalReason?: string;
  /** Who cancelled the request (user id). */
  cancelledBy?: string;
}

/** Documents that define the tenant's obligations, with the version that applies (R3). */
export interface ObligationDocuments {
  lease?: string;
  toelichting?: string;
  rio?: string;
  huisdierenbeleid?: string;
}

export interface Dossier {
  id: string;
  landlordId: string;
  /** Human reference shown to users and used in e-mail replies, e.g. "VT-2025-014". */
  number: string;
  kind: TrajectoryKind;
  /** Personal data of the tenant: shown only to who may read the dossier, never logged. */
  tenant: { name: string; address?: string };
  registeringPartnerId: string;
  supportingPartnerId: string;
  supportWorker: { name: string; email?: string };
  signatures: Partial<Record<Signatory, IsoDate>>;
  consent?: Consent;
  leaseStart?: IsoDate;
  extensions: Extension[];
  status: TrajectoryStatus;
  closedOn?: IsoDate;
  /** Set when the personal data was erased after the retention period (privacy purge). */
  purgedOn?: IsoDate;
  /** Why a trajectory was stopped early (status 'stopped'). */
  stopReason?: string;
  /** Organisations that handed the dossier over (R6): they have lost access. */
  formerPartnerIds: string[];
  transfers: Transfer[];
  /** R4: the consultation decided to track home contacts for this difficult trajectory. */
  contactLogActive: boolean;
  documents: ObligationDocuments;
  createdOn: IsoDate;
}

/** The kinds of milestones of a trajectory (R11, R17, R19, R20). */
export type MilestoneKind = 'evaluation-1m' | 'home-visit-3m' | 'evaluation-4m' | 'evaluation-10m' | 'final-evaluation';

/** Signals from the support organisation to the landlord (R8) and safety reports (R9). */
export type SignalCategory =
  | 'insufficient-cooperation'
  | 'insufficient-results'
  | 'aggression'
  | 'liveability'
  | 'damage-risk'
  | 'safety'
  | 'other';

export interface Signal {
  id: string;
  dossierId: string;
  partnerId: string;
  category: SignalCategory;
  /** Free text from the partner: personal data, never logged, never in a shared chat. */
  description: string;
  raisedBy: string;
  raisedAt: Instant;
  /** R7/R9: on which basis it was passed on. */
  basis: 'consent' | 'safety-without-consent';
}

/** A dossier flagged for discussion at a consultation (R15). */
export interface Flag {
  dossierId: string;
  partnerId: string;
  /** The consultation month it is flagged for. */
  month: YearMonth;
  /** Short statement of the concrete problem (R13b). */
  problem: string;
  flaggedBy: string;
  flaggedAt: Instant;
  source: 'teams' | 'outlook' | 'email' | 'landlord';
  withdrawnAt?: Instant;
  /**
   * Withdrawn by the product, not by a person: the dossier went to another organisation and the flag
   * with it (R6), or the tenant withdrew consent (R7).
   */
  withdrawnBecause?: 'transfer' | 'consent-withdrawn';
  /** R6: the flag came over from this organisation's consultation with the dossier. */
  transferredFrom?: string;
}

export type HomePart = 'house' | 'garden' | 'terrace' | 'garage';

export interface VisitFinding {
  part: HomePart;
  ok: boolean;
  note?: string;
}

/** A home visit (R17 3-month visit, R18 extra visit, R19 final evaluation). */
export interface Visit {
  id: string;
  dossierId: string;
  kind: 'home-visit-3m' | 'extra' | 'final-evaluation';
  plannedOn?: IsoDate;
  heldOn?: IsoDate;
  supportWorkerPresent?: boolean;
  findings: VisitFinding[];
  seriousDefects: boolean;
}

/** What the consultation decided for one discussed dossier (R16, R19, R20, R4, R18). */
export type ConclusionDecision =
  | { kind: 'none' }
  | { kind: 'extend'; months: number }
  | { kind: 'start-contact-log' }
  | { kind: 'plan-extra-visit' }
  | { kind: 'end-positively' }
  /** Stopping early, with the reason (R2). */
  | { kind: 'stop'; reason: string };

export interface Conclusion {
  dossierId: string;
  summary: string;
  decision: ConclusionDecision;
}

export type ConsultationStatus = 'planned' | 'invited' | 'cancelled' | 'held' | 'conclusions-sent' | 'confirmed';

/** One partner's consultation of one month (R12-R16). */
export interface Consultation {
  partnerId: string;
  month: YearMonth;
  meetingDate: IsoDate;
  invitationDate: IsoDate;
  flagDeadline: Instant;
  mode: MeetingMode;
  teamsJoinUrl?: string;
  status: ConsultationStatus;
  conclusions: Conclusion[];
  /**
   * R16: the conclusions the coordinator notes during the meeting (the side panel), one per dossier,
   * before the list is closed; closing sends them as `conclusions` and clears this.
   */
  draftConclusions?: Conclusion[];
  confirmation?: { by: string; at: Instant; remark?: string };
}

/** The landlord asks how a trajectory is going (R10). */
export interface InformationRequest {
  id: string;
  dossierId: string;
  partnerId: string;
  question: string;
  askedBy: string;
  askedAt: Instant;
  answer?: { text: string; by: string; at: Instant };
  /** R6: the request followed the dossier from these organisations to `partnerId` (oldest first). */
  handedOver?: { fromPartnerId: string; on: IsoDate }[];
  /** R7: consent was withdrawn while the request was open: it lapsed, unanswered (no reminders). */
  lapsedOn?: IsoDate;
}

/** R4: a home contact held, or planned but missed with its reason. */
export interface ContactLogEntry {
  id: string;
  dossierId: string;
  date: IsoDate;
  held: boolean;
  reasonMissed?: string;
  loggedBy: string;
}

/** R5: a support worker out for a long period, and who replaces them. */
export interface Absence {
  id: string;
  partnerId: string;
  dossierIds: string[];
  workerName: string;
  from: IsoDate;
  expectedUntil?: IsoDate;
  replacementContact: string;
  reportedBy: string;
  reportedAt: Instant;
}

/** Where the bot can post: a Teams conversation, optionally linked to a partner or the alert channel. */
export interface ConversationLink {
  conversationId: string;
  kind: 'personal' | 'groupChat' | 'channel' | 'meeting';
  /** botbuilder's ConversationReference, stored as is by the bot adapter. */
  reference: Record<string, unknown>;
  partnerId?: string;
  isLandlordAlertChannel?: boolean;
}

/** Append-only record of every disclosure and change (DESIGN, Security). Ids only, no names. */
export interface AuditEntry {
  at: Instant;
  actor: string;
  action: string;
  dossierId?: string;
  partnerId?: string;
  basis?: 'consent' | 'safety' | 'role';
  details?: Record<string, string | number | boolean>;
}
