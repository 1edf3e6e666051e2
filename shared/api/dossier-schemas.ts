/**
 * The dossier routes' request and response shapes (Teams tab and dialogs, bot/tab): zod schemas that
 * validate the requests and feed the OpenAPI document. The page imports the inferred types only.
 */
import { z } from 'zod';
import { dossierHead, freeText, id, isoDate } from './schema-parts';

const optionalDate = isoDate.optional();

// ---------------------------------------------------------------------------------------------
// Requests

export const dossierParams = z.strictObject({ dossierId: id });
export const answerParams = z.strictObject({ dossierId: id, requestId: id });

export const STAGES = ['candidacy', 'active', 'extended', 'closed-positive', 'stopped'] as const;
export const overviewQuery = z.strictObject({
  partnerId: id.optional(),
  stage: z.enum(STAGES).optional(),
  attention: z.enum(['true', 'false']).optional(),
});

export const candidacyBody = z.strictObject({
  /** The form's idempotency key (the dossier's id): the same request again creates nothing. */
  candidacyId: id.optional(),
  kind: z.enum(['VT', 'other']),
  tenant: z.strictObject({ name: freeText('tenantName'), address: freeText('tenantAddress').optional() }),
  registeringPartnerId: id,
  supportingPartnerId: id,
  supportWorker: z.strictObject({ name: freeText('supportWorkerName'), email: freeText('email').optional() }),
  /** R3: the versions of the documents that define the tenant's obligations. */
  documents: z
    .strictObject({
      lease: freeText('documentVersion').optional(),
      toelichting: freeText('documentVersion').optional(),
      rio: freeText('documentVersion').optional(),
      huisdierenbeleid: freeText('documentVersion').optional(),
    })
    .optional(),
});
export const signaturesBody = z.strictObject({
  signatures: z.strictObject({ supportWorker: optionalDate, tenant: optionalDate, landlord: optionalDate }),
});
export const consentBody = z.strictObject({ givenOn: isoDate, scope: freeText('consentScope') });
export const withdrawConsentBody = z.strictObject({ withdrawnOn: optionalDate });
export const activateBody = z.strictObject({ leaseStart: isoDate });
export const HOME_PARTS = ['house', 'garden', 'terrace', 'garage'] as const;
export const visitBody = z.strictObject({
  visitId: id.optional(),
  kind: z.enum(['home-visit-3m', 'extra', 'final-evaluation']),
  plannedOn: optionalDate,
  heldOn: optionalDate,
  supportWorkerPresent: z.boolean().optional(),
  findings: z.array(z.strictObject({ part: z.enum(HOME_PARTS), ok: z.boolean(), note: freeText('findingNote').optional() })).max(4).optional(),
  seriousDefects: z.boolean().optional(),
});
export const extendBody = z.strictObject({ months: z.number().int(), decidedOn: optionalDate });
export const closeBody = z.strictObject({ date: optionalDate });
export const stopBody = z.strictObject({ reason: freeText('reason'), date: optionalDate });
export const transferBody = z.strictObject({ toPartnerId: id, reason: freeText('reason') });
export const acceptTransferBody = z.strictObject({ newSupportWorker: z.strictObject({ name: freeText('supportWorkerName'), email: freeText('email').optional() }).optional() });
export const rejectTransferBody = z.strictObject({ reason: freeText('reason') });
export const cancelTransferBody = z.strictObject({});
export const informationRequestBody = z.strictObject({ question: freeText('question'), requestId: id.optional() });
export const informationAnswerBody = z.strictObject({ answer: freeText('answer') });
export const contactBody = z.strictObject({ date: isoDate, held: z.boolean(), reasonMissed: freeText('contactReasonMissed').optional(), entryId: id.optional() });
export const absenceBody = z.strictObject({
  workerName: freeText('personName'),
  from: isoDate,
  expectedUntil: optionalDate,
  replacementContact: freeText('replacementContact'),
  dossierIds: z.array(id).max(100).optional(),
  absenceId: id.optional(),
});

export type CandidacyBody = z.infer<typeof candidacyBody>;
export type VisitBody = z.infer<typeof visitBody>;

// ---------------------------------------------------------------------------------------------
// Responses

const milestoneState = z.enum(['done', 'planned', 'due', 'overdue', 'missed']);

export const actionResultSchema = z.object({
  dossierId: z.string(),
  number: z.string().optional(),
  changed: z.boolean(),
  message: z.string().describe('Dutch, to show as is'),
  /** The id of what was created (visit, information request, contact, absence). */
  recordId: z.string().optional(),
});

export const overviewItemSchema = z.object({
  ...dossierHead,
  tenantName: z.string(),
  registeringPartnerId: id,
  supportingPartnerId: id,
  supportingPartnerName: z.string(),
  plannedEnd: isoDate.optional(),
  attention: z.array(z.string()).describe('Dutch reasons why the dossier needs attention; empty when none'),
});
export const overviewSchema = z.object({
  dossiers: z.array(overviewItemSchema),
  partners: z.array(z.object({ id, name: z.string() })),
  stages: z.array(z.object({ id: z.string(), label: z.string() })),
  canCreate: z.boolean(),
  canReportAbsence: z.boolean(),
});

export const timelineEntrySchema = z.object({
  date: isoDate,
  type: z.string(),
  label: z.string(),
  detail: z.string().optional(),
  state: milestoneState,
  stateLabel: z.string(),
});

export const milestoneSchema = z.object({
  kind: z.string(),
  label: z.string(),
  due: isoDate,
  consultation: isoDate.nullable(),
  state: milestoneState,
});

export const dossierPageSchema = z.object({
  dossier: z.object({
    ...dossierHead,
    tenant: z.object({ name: z.string(), address: z.string().optional() }),
    registeringPartner: z.object({ id, name: z.string() }),
    supportingPartner: z.object({ id, name: z.string(), contact: z.string().optional() }),
    supportWorker: z.object({ name: z.string(), email: z.string().optional() }),
    signatures: z.object({ supportWorker: optionalDate, tenant: optionalDate, landlord: optionalDate }),
    consent: z.string(),
    consentInForce: z.boolean(),
    /** R3: the versions of the obligation documents, in Dutch ("Huurovereenkomst: versie 2024-01"), one per document. */
    documents: z.array(z.string()),
    leaseStart: optionalDate,
    plannedEnd: optionalDate,
  }),
  milestones: z.array(milestoneSchema),
  timeline: z.array(timelineEntrySchema),
  dueNext: timelineEntrySchema.optional(),
  overdue: z.array(timelineEntrySchema),
  forms: z.array(z.string()).describe('The forms this user may use now (the page shows these)'),
  signals: z
    .array(z.object({ id, category: z.string(), label: z.string(), raisedAt: z.string(), partnerName: z.string(), description: z.string(), safety: z.boolean() }))
    .describe('R8/R9: the signals this user may read, newest first, with their description (the read is audited)'),
  otherSignals: z.number().int().describe('Signals of this dossier the user may not read (by count only)'),
  openRequests: z.array(z.object({ id, question: z.string(), askedAt: z.string() })),
  plannedVisits: z.array(z.object({ id, kind: z.string(), plannedOn: optionalDate })),
  partners: z.array(z.object({ id, name: z.string() })),
  contactLetter: z
    .object({ path: z.string(), fileName: z.string() })
    .optional()
    .describe("§3, R5: the tenant's contact letter (PDF) while the support runs: GET this path, relative to /api/"),
});

export type ActionResult = z.infer<typeof actionResultSchema>;
export type OverviewItem = z.infer<typeof overviewItemSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type DossierPage = z.infer<typeof dossierPageSchema>;
export type MilestoneView = z.infer<typeof milestoneSchema>;
export type FormId =
  | 'signatures'
  | 'consent'
  | 'withdraw-consent'
  | 'activate'
  | 'visit'
  | 'extend'
  | 'close'
  | 'stop'
  | 'transfer'
  | 'transfer-cancel'
  | 'information-request'
  | 'information-answer'
  | 'contact'
  | 'absence';
