/**
 * Shapes of the routes for R6 transfer requests and the coordinator's management of partner
 * organisations and users: zod schemas that validate the requests and feed the OpenAPI document. The
 * shapes are loose on purpose (strings of a bounded length): the services check GUIDs, e-mail
 * addresses and phone numbers and name the field in Dutch.
 */
import { z } from 'zod';
import { freeText, id } from './schema-parts';

// Requests

export const partnerParams = z.strictObject({ partnerId: id });
export const userParams = z.strictObject({ tenantId: id, objectId: id });

const partnerFields = {
  name: freeText('organisationName'),
  contact: z.strictObject({ phone: freeText('phone'), email: freeText('email'), officeHours: freeText('officeHours') }),
  m365TenantId: freeText('id').optional(),
  meetingMode: z.enum(['teams', 'in-person']).optional(),
};
export const createPartnerBody = z.strictObject({ id: freeText('slug'), ...partnerFields });
export const updatePartnerBody = z.strictObject(partnerFields);

const userFields = {
  displayName: freeText('personName'),
  email: freeText('email').optional(),
  role: z.enum(['landlord-coordinator', 'landlord-staff', 'partner-member']),
  partnerId: freeText('id').optional(),
};
export const createUserBody = z.strictObject({ tenantId: freeText('id'), objectId: freeText('id'), ...userFields });
export const updateUserBody = z.strictObject(userFields);

// Responses

export const transferRequestSchema = z.object({
  dossierId: z.string(),
  number: z.string(),
  kind: z.enum(['VT', 'other']),
  kindLabel: z.string(),
  fromPartnerId: z.string(),
  fromPartnerName: z.string(),
  toPartnerId: z.string(),
  toPartnerName: z.string(),
  requestedOn: z.string(),
  reason: z.string().describe('Written by the handing-over organisation for the receiving one'),
  plannedEnd: z.string().optional(),
  canDecide: z.boolean().describe('This user may accept or refuse it (transfer.decide)'),
});
export const transferRequestsSchema = z.object({ requests: z.array(transferRequestSchema) });

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.object({ phone: z.string(), email: z.string(), officeHours: z.string() }),
  m365TenantId: z.string().optional(),
  meetingMode: z.enum(['teams', 'in-person']),
});
export const userSchema = z.object({
  tenantId: z.string(),
  objectId: z.string(),
  displayName: z.string(),
  email: z.string().optional(),
  role: z.enum(['landlord-coordinator', 'landlord-staff', 'partner-member']),
  roleLabel: z.string(),
  partnerId: z.string().optional(),
});
export const organisationSchema = z.object({
  partners: z.array(partnerSchema),
  users: z.array(userSchema),
  roles: z.array(z.object({ id: z.string(), label: z.string() })),
});
export const adminResultSchema = z.object({
  id: z.string().describe('The partner id, or tenantId/objectId of the user'),
  changed: z.boolean(),
  message: z.string().describe('Dutch, to show as is'),
});

export type TransferRequestItem = z.infer<typeof transferRequestSchema>;
export type TransferRequests = z.infer<typeof transferRequestsSchema>;
export type PartnerItem = z.infer<typeof partnerSchema>;
export type UserItem = z.infer<typeof userSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type AdminResult = z.infer<typeof adminResultSchema>;
