/**
 * The add-in API's request and response shapes, as zod schemas: the server validates requests with
 * them and the OpenAPI document is generated from them (one source, no drift). The pane imports the
 * inferred types only (`import type`), so zod stays out of its bundle.
 */
import { z } from 'zod';
import { dossierHead, freeText, id, isoDate, month } from './schema-parts';

// ---------------------------------------------------------------------------------------------
// Building blocks

const instant = z.string();

const role = z.enum(['landlord-coordinator', 'landlord-staff', 'partner-member']);

// ---------------------------------------------------------------------------------------------
// Requests

export const consultationParams = z.strictObject({ partnerId: id, month });
export const dossiersQuery = z.strictObject({ partnerId: id.optional() });
export const flagBody = z.strictObject({
  partnerId: id,
  month,
  dossierId: id,
  problem: freeText('problem'),
});
export const withdrawParams = z.strictObject({ partnerId: id, month, dossierId: id });
export const devTokenBody = z.strictObject({ tenantId: id, objectId: id });

export type FlagBody = z.infer<typeof flagBody>;

// ---------------------------------------------------------------------------------------------
// Responses

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe('Dutch, to show as is'),
  code: z.string(),
  fields: z.array(z.string()).optional(),
  nextConsultation: isoDate.optional().describe('R15: the next consultation, when a flag came too late'),
});

export const meSchema = z.object({
  user: z.object({ displayName: z.string(), role, roleLabel: z.string() }),
  partner: z.object({ id, name: z.string() }).optional(),
  /** R15: the next consultation whose flag deadline has not passed (the pane's default). */
  nextConsultation: z.object({ month, meetingDate: isoDate }),
  problemMaxLength: z.number().int(),
});

export const reasonSchema = z.object({
  type: z.enum(['signal', 'flag', 'extension', 'visit-problems', 'decision-pending']),
  label: z.string(),
  problem: z.string().optional(),
  flaggedByLandlord: z.boolean().optional(),
  flaggedAt: instant.optional(),
});

export const consultationSchema = z.object({
  partnerId: id,
  partnerName: z.string().optional(),
  month,
  meetingDate: isoDate,
  invitationDate: isoDate,
  flagDeadline: instant,
  /** R15: the last day on which a flag is accepted (the day before the meeting). */
  lastFlagDay: isoDate,
  meetingMoved: z.string().optional(),
  /** R-H: this month has no consultation (closing days push it out of its month), with the Dutch reason. */
  monthCancelled: z.string().optional(),
  /** R-H: this consultation takes over the dossiers of the cancelled month(s) just before, with the Dutch sentence. */
  takesOver: z.object({ months: z.array(month), description: z.string() }).optional(),
  mode: z.enum(['teams', 'in-person']),
  teamsJoinUrl: z.string().optional(),
  address: z.string().optional(),
  listClosed: z.boolean(),
  takesPlace: z.boolean(),
  cancelled: z.boolean(),
  /** Before the meeting day, on it, or after it (Brussels): the pane reads each differently. */
  phase: z.enum(['upcoming', 'today', 'over']),
  nextConsultation: z.object({ month, meetingDate: isoDate, lastFlagDay: isoDate }).optional(),
  toDiscuss: z.array(z.object({ dossierId: id, number: z.string(), reasons: z.array(reasonSchema) })),
});

export const dossierItemSchema = z.object({
  ...dossierHead,
  tenantName: z.string(),
  plannedEnd: isoDate.optional(),
  transferOpen: z.boolean(),
});
export const dossiersSchema = z.object({ dossiers: z.array(dossierItemSchema) });

export const flagResultSchema = z.object({
  outcome: z.enum(['created', 'already-flagged']),
  flag: z.object({ dossierId: id, partnerId: id, month, problem: z.string(), flaggedAt: instant, source: z.string() }),
  message: z.string(),
});
export const withdrawResultSchema = z.object({ outcome: z.enum(['withdrawn', 'already-withdrawn']), message: z.string() });

export const authOptionsSchema = z.object({
  devSignIn: z.boolean().describe('Local mode on loopback only: the demo-user picker'),
  entra: z
    .object({
      clientId: z.string().describe('The API app registration (API_APP_ID): nested app authentication signs in with it'),
      scope: z.string().describe('The scope to ask a token for: api://<host>/<clientId>/access_as_user'),
    })
    .optional()
    .describe('Entra sign-in (nested app authentication, Office single sign-on), when API_APP_ID is set'),
});
export const devUsersSchema = z.object({
  users: z.array(z.object({ tenantId: z.string(), objectId: z.string(), displayName: z.string(), roleLabel: z.string(), partnerName: z.string().optional() })),
});
export const devTokenSchema = z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresAt: instant });
export const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
export const openApiSchema = z.record(z.string(), z.unknown());

export type Me = z.infer<typeof meSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type ConsultationView = z.infer<typeof consultationSchema>;
export type DossierItem = z.infer<typeof dossierItemSchema>;
export type DossiersResult = z.infer<typeof dossiersSchema>;
export type FlagResult = z.infer<typeof flagResultSchema>;
export type WithdrawResult = z.infer<typeof withdrawResultSchema>;
export type AuthOptions = z.infer<typeof authOptionsSchema>;
export type DevUsers = z.infer<typeof devUsersSchema>;
export type DevToken = z.infer<typeof devTokenSchema>;
export type ProblemBody = z.infer<typeof problemSchema>;
