/**
 * Routes of the Teams tab for R6 transfer requests (the receiving organisation sees the minimal view
 * of an open request addressed to it and decides with the existing acceptance/refusal routes) and for
 * the coordinator's management of partner organisations (R5 contact details, the Microsoft 365 tenant
 * for the allowlist) and users. Every route calls its use case, which applies the access policy
 * ('transfer.view', 'partner.manage', 'user.manage'). Registered in routes.ts (so in the OpenAPI document).
 */
import { accessMessages } from '../messages/access';
import { tabMessages } from '../messages/tab';
import { trajectoryMessages } from '../messages/trajectory';
import { ROLES } from '../rules/access';
import type { Partner, User } from '../rules/types';
import type { SurfaceServices } from '../services/surface-services';
import { createPartner } from '../services/create-partner';
import { createUser } from '../services/create-user';
import { listOrganisation } from '../services/list-organisation';
import { listTransferRequests } from '../services/list-transfer-requests';
import type { UserAdminContext } from '../services/organisation-input';
import { removeUser } from '../services/remove-user';
import { updatePartner } from '../services/update-partner';
import { updateUser } from '../services/update-user';
import { userRoute, type ApiRoute, type ResponseSpec, type Session } from './http';
import * as s from './organisation-schemas';

const msg = tabMessages.admin;

const problems = {
  400: { description: 'Invalid input (Dutch reason in detail, the fields in fields)', problem: true },
  401: { description: 'No valid access token', problem: true },
  403: { description: 'Not a user, or not allowed (only the coordinator manages organisations and users)', problem: true },
  404: { description: 'Not found, or not of this landlord (the same answer)', problem: true },
} as const;

const adminResponses = (created = false): Record<number, ResponseSpec> => {
  const done: ResponseSpec = { description: 'Done (changed false: nothing was different, e.g. the same create again)', schema: s.adminResultSchema };
  return created ? { 201: { description: 'Created', schema: s.adminResultSchema }, 200: done, ...problems } : { 200: done, ...problems };
};

const partnerItem = (p: Partner): s.PartnerItem => ({
  id: p.id,
  name: p.name,
  contact: { ...p.contact },
  meetingMode: p.meetingMode,
  ...(p.m365TenantId ? { m365TenantId: p.m365TenantId } : {}),
});

const userItem = (u: User): s.UserItem => ({
  tenantId: u.tenantId,
  objectId: u.objectId,
  displayName: u.displayName,
  role: u.role,
  roleLabel: accessMessages.roleLabel[u.role],
  ...(u.email ? { email: u.email } : {}),
  ...(u.partnerId ? { partnerId: u.partnerId } : {}),
});

/** Only what was sent: an empty optional field is "none". */
const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value !== undefined && value.trim() !== '' ? { [key]: value } : {}) as Partial<Record<K, string>>;

export function organisationRoutes(services: Pick<SurfaceServices, 'userAdmin'>): ApiRoute[] {
  const admin = (session: Session): UserAdminContext => services.userAdmin(session.ctx);
  return [
    userRoute({
      method: 'get',
      path: '/api/transfer-requests',
      operationId: 'listTransferRequests',
      summary: "R6: the open transfer requests addressed to the member's organisation (the landlord: all), without tenant data, with whether this user may decide.",
      responses: { 200: { description: 'The requests', schema: s.transferRequestsSchema }, 401: problems[401], 403: problems[403] },
      handle: async (_input, { ctx }) => {
        const [items, partners] = await Promise.all([listTransferRequests(ctx), ctx.ports.partners.list()]);
        const names = new Map(partners.map((p) => [p.id, p.name]));
        const body: s.TransferRequests = {
          requests: items.map((r) => ({
            dossierId: r.dossierId,
            number: r.number,
            kind: r.kind,
            kindLabel: trajectoryMessages.kindLabel[r.kind],
            fromPartnerId: r.fromPartnerId,
            fromPartnerName: names.get(r.fromPartnerId) ?? r.fromPartnerId,
            toPartnerId: r.toPartnerId,
            toPartnerName: names.get(r.toPartnerId) ?? r.toPartnerId,
            requestedOn: r.requestedOn,
            reason: r.reason,
            ...(r.plannedEnd ? { plannedEnd: r.plannedEnd } : {}),
            canDecide: r.canDecide,
          })),
        };
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'get',
      path: '/api/organisation',
      operationId: 'getOrganisation',
      summary: 'Coordinator: the partner organisations (R5 contact details, Microsoft 365 tenant) and the users with their role and organisation.',
      responses: { 200: { description: 'Partners and users', schema: s.organisationSchema }, 401: problems[401], 403: problems[403] },
      handle: async (_input, session) => {
        const overview = await listOrganisation(admin(session));
        const body: s.Organisation = {
          partners: overview.partners.map(partnerItem),
          users: overview.users.map(userItem),
          roles: ROLES.map((id) => ({ id, label: accessMessages.roleLabel[id] })),
        };
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/partners',
      operationId: 'createPartner',
      summary: 'Coordinator: a new partner organisation with its general contact details (R5) and Microsoft 365 tenant.',
      body: s.createPartnerBody,
      responses: adminResponses(true),
      handle: async ({ body }, { ctx }) => {
        const { partner, changed } = await createPartner(ctx, {
          id: body.id,
          name: body.name,
          contact: body.contact,
          ...optional('m365TenantId', body.m365TenantId),
          ...(body.meetingMode ? { meetingMode: body.meetingMode } : {}),
        });
        const reply: s.AdminResult = { id: partner.id, changed, message: changed ? msg.partnerCreated(partner.name) : tabMessages.forms.unchanged };
        return { status: changed ? 201 : 200, body: reply };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/partners/{partnerId}',
      operationId: 'updatePartner',
      summary: 'Coordinator: change a partner organisation (all fields; a Microsoft 365 tenant left out is removed).',
      params: s.partnerParams,
      body: s.updatePartnerBody,
      responses: adminResponses(),
      handle: async ({ params, body }, { ctx }) => {
        const result = await updatePartner(ctx, {
          partnerId: params.partnerId,
          name: body.name,
          contact: body.contact,
          ...optional('m365TenantId', body.m365TenantId),
          ...(body.meetingMode ? { meetingMode: body.meetingMode } : {}),
        });
        const reply: s.AdminResult = { id: result.partner.id, changed: result.changed, message: result.changed ? msg.partnerUpdated(result.partner.name) : tabMessages.forms.unchanged };
        return { status: 200, body: reply };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/users',
      operationId: 'createUser',
      summary: 'Coordinator: give someone access: Entra tenant and object id (GUIDs), role and, for a partner member, the organisation.',
      body: s.createUserBody,
      responses: adminResponses(true),
      handle: async ({ body }, session) => {
        const { user, changed } = await createUser(admin(session), {
          tenantId: body.tenantId,
          objectId: body.objectId,
          displayName: body.displayName,
          role: body.role,
          ...optional('email', body.email),
          ...optional('partnerId', body.partnerId),
        });
        const reply: s.AdminResult = { id: `${user.tenantId}/${user.objectId}`, changed, message: changed ? msg.userCreated(user.displayName) : tabMessages.forms.unchanged };
        return { status: changed ? 201 : 200, body: reply };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/users/{tenantId}/{objectId}',
      operationId: 'updateUser',
      summary: "Coordinator: change a user's name, e-mail, role or organisation (not one's own role).",
      params: s.userParams,
      body: s.updateUserBody,
      responses: adminResponses(),
      handle: async ({ params, body }, session) => {
        const result = await updateUser(admin(session), {
          tenantId: params.tenantId,
          objectId: params.objectId,
          displayName: body.displayName,
          role: body.role,
          ...optional('email', body.email),
          ...optional('partnerId', body.partnerId),
        });
        const { user } = result;
        const reply: s.AdminResult = { id: `${user.tenantId}/${user.objectId}`, changed: result.changed, message: result.changed ? msg.userUpdated(user.displayName) : tabMessages.forms.unchanged };
        return { status: 200, body: reply };
      },
    }),

    userRoute({
      method: 'delete',
      path: '/api/users/{tenantId}/{objectId}',
      operationId: 'removeUser',
      summary: "Coordinator: take a user's access away (not one's own).",
      params: s.userParams,
      responses: { 200: { description: 'Removed', schema: s.adminResultSchema }, ...problems },
      handle: async ({ params }, session) => {
        await removeUser(admin(session), { tenantId: params.tenantId, objectId: params.objectId });
        const reply: s.AdminResult = { id: `${params.tenantId}/${params.objectId}`, changed: true, message: msg.userRemoved };
        return { status: 200, body: reply };
      },
    }),
  ];
}
