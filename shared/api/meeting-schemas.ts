/**
 * The consultation in the Teams meeting (side panel, stage, browser): request and response shapes.
 * The agenda's three parts with the least data of the agenda card in the partner's chat (numbers,
 * kinds, stages, reasons and problem statements; no tenant names), and the conclusions noted so far.
 */
import { z } from 'zod';
import { freeText, id, isoDate, month } from './schema-parts';
import { reasonSchema } from './schemas';

export const meetingParams = z.strictObject({ partnerId: id, month });

/** R16 (R4, R18, R19, R20, R2): one dossier's decision; the use case checks it against the rules. */
export const decisionBody = z.strictObject({
  kind: z.enum(['none', 'extend', 'start-contact-log', 'plan-extra-visit', 'end-positively', 'stop']),
  months: z.number().int().optional(),
  reason: freeText('reason').optional(),
});
export const meetingNoteBody = z.strictObject({ dossierId: id, summary: freeText('conclusionSummary'), decision: decisionBody });

const meetingDossier = z.object({
  dossierId: id,
  number: z.string(),
  kindLabel: z.string(),
  statusLabel: z.string(),
  plannedEnd: isoDate.optional(),
  milestones: z.array(z.string()).describe('R11: the milestones of this consultation'),
  reasons: z.array(reasonSchema).describe('R14: why it is discussed (part toDiscuss)'),
});

export const meetingSchema = z.object({
  partnerId: id,
  partnerName: z.string(),
  month,
  meetingDate: isoDate,
  mode: z.enum(['teams', 'in-person']),
  address: z.string().optional(),
  cancelled: z.boolean(),
  status: z.enum(['open', 'sent', 'confirmed']),
  canDecide: z.boolean().describe("The landlord's coordinator; partner members follow along"),
  parts: z.array(z.object({ part: z.enum(['toDiscuss', 'overview', 'otherTrajectories']), title: z.string(), dossiers: z.array(meetingDossier) })),
  conclusions: z.array(
    z.object({
      dossierId: id,
      number: z.string(),
      summary: z.string(),
      decision: decisionBody,
      decisionLabel: z.string(),
    }),
  ),
  confirmation: z.object({ at: z.string(), remark: z.string().optional() }).optional(),
  decisionKinds: z.array(z.object({ kind: z.string(), label: z.string() })),
  extensionMonths: z.array(z.number().int()),
  message: z.string().optional(),
});

export type MeetingView = z.infer<typeof meetingSchema>;
export type MeetingNoteBody = z.infer<typeof meetingNoteBody>;
export type MeetingDossier = z.infer<typeof meetingDossier>;
