/**
 * The add-in API: every route, once. The server registers exactly this list and the OpenAPI document
 * (/api/openapi.json) is generated from it, so they cannot drift. Every user route goes through a
 * service, which applies the access policy (a partner member sees only its own organisation; anything
 * else answers "not found", the same as a missing id).
 */
import { partnerNotFound } from '../rules/access';
import { agendaMessages } from '../messages/agenda';
import { monthCalendar, nextOpenConsultation } from '../rules/calendar';
import { PROBLEM_MAX_LENGTH } from '../rules/flags';
import type { SurfaceDeps } from '../server/app-deps';
import type { SurfaceServices } from '../services/surface-services';
import { flagDossier } from '../services/flag-dossier';
import { getAgendaView } from '../services/get-agenda';
import { listMyDossiers } from '../services/list-my-dossiers';
import { isLandlordRole, memberPartnerId } from '../services/roles';
import { withdrawFlag } from '../services/withdraw-flag';
import { serverMessages } from '../messages/server';
import { DomainError } from '../rules/errors';
import { accessMessages } from '../messages/access';
import type { Auth } from './auth';
import { isLoopbackRequest } from './auth';
import { openRoute, userRoute, type ApiRoute, type Session } from './http';
import { openApiDocument } from './openapi';
import { dossierRoutes } from './dossier-routes';
import { meetingRoutes } from './meeting-routes';
import { reportRoutes } from './report-routes';
import { organisationRoutes } from './organisation-routes';
import * as s from './schemas';
import { consultationView, dossierItem, roleLabel } from './views';

const problems = {
  400: { description: 'Invalid input (Dutch reason in detail)', problem: true },
  401: { description: 'No valid access token', problem: true },
  403: { description: 'Signed in, but not a user of Woonbegeleiding', problem: true },
  404: { description: 'Not found, or not visible to this user (the same answer)', problem: true },
} as const;

/** A member acts for its own organisation only; naming another is "not found" (DESIGN, Security). */
function requireOwnPartner(session: Session, partnerId: string): void {
  if (isLandlordRole(session.user)) return;
  if (memberPartnerId(session.user) !== partnerId) throw partnerNotFound();
}

export interface RouteEnv {
  deps: Omit<SurfaceDeps, 'store'>;
  services: SurfaceServices;
  auth: Auth;
}

export function apiRoutes({ deps, services, auth }: RouteEnv): ApiRoute[] {
  const routes: ApiRoute[] = [
    userRoute({
      method: 'get',
      path: '/api/me',
      operationId: 'getMe',
      summary: 'The signed-in user, their organisation and the next open consultation (R15).',
      responses: { 200: { description: 'The user', schema: s.meSchema }, 401: problems[401], 403: problems[403] },
      handle: async (_input, { user, partner, ctx }) => {
        const next = nextOpenConsultation(ctx.now, ctx.calendar);
        const body: s.Me = {
          user: { displayName: user.displayName, role: user.role, roleLabel: roleLabel(user) },
          nextConsultation: { month: next.month, meetingDate: next.meetingDate },
          problemMaxLength: PROBLEM_MAX_LENGTH,
          ...(partner ? { partner: { id: partner.id, name: partner.name } } : {}),
        };
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'get',
      path: '/api/consultations/{partnerId}/{month}',
      operationId: 'getConsultation',
      summary: "A partner's consultation of a month: dates, place, deadline, whether it takes place, the dossiers on the list and why (R13-R16).",
      params: s.consultationParams,
      responses: {
        200: { description: 'The consultation', schema: s.consultationSchema },
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
      },
      handle: async ({ params }, { ctx, landlord }) => {
        // The place comes from the partner and, once invited, the stored consultation (its Teams link).
        const { agenda, partner, consultation } = await getAgendaView(ctx, { partnerId: params.partnerId, month: params.month });
        const next = agenda.listClosed ? nextOpenConsultation(ctx.now, ctx.calendar) : undefined;
        const body = consultationView(agenda, { landlord, partner, now: ctx.now, ...(consultation ? { consultation } : {}), ...(next ? { next } : {}) });
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'get',
      path: '/api/dossiers',
      operationId: 'listDossiers',
      summary: "The ongoing dossiers the user may see (a member: its own organisation's; the landlord: one partner's with partnerId).",
      query: s.dossiersQuery,
      responses: {
        200: { description: 'The dossiers', schema: s.dossiersSchema },
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
      },
      handle: async ({ query }, { ctx }) => {
        const list = await listMyDossiers(ctx, query.partnerId ? { partnerId: query.partnerId } : {});
        const body: s.DossiersResult = { dossiers: list.map(dossierItem) };
        return { status: 200, body };
      },
    }),

    userRoute({
      method: 'post',
      path: '/api/flags',
      operationId: 'flagDossier',
      summary: 'R15, R13b: flag a dossier for a consultation with a short problem statement (201 created, 200 already flagged).',
      body: s.flagBody,
      responses: {
        201: { description: 'Flagged', schema: s.flagResultSchema },
        200: { description: 'It was flagged already: the first statement stands', schema: s.flagResultSchema },
        400: problems[400],
        401: problems[401],
        403: problems[403],
        404: problems[404],
        409: { description: 'The trajectory is closed', problem: true },
        422: { description: 'R15: the deadline passed; nextConsultation names the next one', problem: true },
      },
      handle: async ({ body }, session) => {
        requireOwnPartner(session, body.partnerId);
        const { ctx } = session;
        const result = await flagDossier(ctx, { dossierId: body.dossierId, problem: body.problem, month: body.month, partnerId: body.partnerId, source: 'outlook' });
        const { meetingDate } = monthCalendar(result.flag.month, ctx.calendar);
        const { flag } = result;
        const reply: s.FlagResult = {
          outcome: result.outcome,
          flag: { dossierId: flag.dossierId, partnerId: flag.partnerId, month: flag.month, problem: flag.problem, flaggedAt: flag.flaggedAt, source: flag.source },
          message: result.outcome === 'created' ? agendaMessages.flagCreated(meetingDate) : agendaMessages.alreadyFlagged(meetingDate),
        };
        return { status: result.outcome === 'created' ? 201 : 200, body: reply };
      },
    }),

    userRoute({
      method: 'delete',
      path: '/api/flags/{partnerId}/{month}/{dossierId}',
      operationId: 'withdrawFlag',
      summary: 'R15: withdraw a flag until the deadline.',
      params: s.withdrawParams,
      responses: {
        200: { description: 'Withdrawn (or it was already)', schema: s.withdrawResultSchema },
        400: problems[400],
        401: problems[401],
        403: { description: 'Not a user, or a flag set by the landlord', problem: true },
        404: problems[404],
        422: { description: 'R15: the list is closed', problem: true },
      },
      handle: async ({ params }, session) => {
        requireOwnPartner(session, params.partnerId);
        const { ctx } = session;
        const result = await withdrawFlag(ctx, { dossierId: params.dossierId, month: params.month, partnerId: params.partnerId });
        const { meetingDate } = monthCalendar(params.month, ctx.calendar);
        const body: s.WithdrawResult = { outcome: result.outcome, message: agendaMessages.flagWithdrawn(meetingDate) };
        return { status: 200, body };
      },
    }),

    openRoute('none', {
      method: 'get',
      path: '/api/auth/options',
      operationId: 'getAuthOptions',
      summary: 'How the pane signs in: Entra (nested app authentication, Office single sign-on), or in local mode on this computer the demo-user picker.',
      responses: { 200: { description: 'Sign-in options', schema: s.authOptionsSchema } },
      handle: async (_input, origin) => {
        const { API_APP_ID: clientId, API_SCOPE: scope, baseUrl } = deps.config;
        const body: s.AuthOptions = {
          devSignIn: auth.devSignIn !== undefined && isLoopbackRequest(origin),
          // The Application ID URI of infra/entra/addin-api.aad.manifest.json; its tokens carry aud = clientId (v2).
          ...(clientId ? { entra: { clientId, scope: `api://${new URL(baseUrl).host}/${clientId}/${scope}` } } : {}),
        };
        return { status: 200, body };
      },
    }),

    openRoute('none', {
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'getOpenApi',
      summary: 'This document.',
      responses: { 200: { description: 'OpenAPI 3.1', schema: s.openApiSchema } },
      handle: async () => ({ status: 200, body: openApiDocument(routes, { baseUrl: deps.config.baseUrl }) }),
    }),
  ];

  // The Teams tab and dialogs (bot/tab): the dossier list and page, one route per step of a trajectory.
  routes.push(...dossierRoutes());
  // R6 transfer requests for the receiving organisation; the coordinator's partners and users.
  routes.push(...organisationRoutes(services));
  // The consultation in the Teams meeting: side panel, stage and browser (R13-R16).
  routes.push(...meetingRoutes());
  // The landlord's overview in numbers (the same use case as `woonbegeleiding report`).
  routes.push(...reportRoutes());

  const dev = auth.devSignIn;
  if (dev) {
    // Local mode only, and only for requests from this computer (elsewhere: 404, as if absent).
    const hidden = { 404: { description: 'Not local mode, or not a loopback request', problem: true } };
    routes.push(
      openRoute('local-dev', {
        method: 'get',
        path: '/api/dev/users',
        operationId: 'listDevUsers',
        summary: 'Local mode: the demo users to sign in as.',
        responses: { 200: { description: 'The users', schema: s.devUsersSchema }, ...hidden },
        handle: async () => {
          const users = await services.signInUsers(deps.config.LANDLORD_ID);
          const body: s.DevUsers = {
            users: users.map(({ user: u, partnerName }) => ({
              tenantId: u.tenantId,
              objectId: u.objectId,
              displayName: u.displayName,
              roleLabel: accessMessages.roleLabel[u.role],
              ...(partnerName ? { partnerName } : {}),
            })),
          };
          return { status: 200, body };
        },
      }),
      openRoute('local-dev', {
        method: 'post',
        path: '/api/dev/token',
        operationId: 'createDevToken',
        summary: 'Local mode: a token for a demo user, signed by the key made at start.',
        body: s.devTokenBody,
        responses: { 200: { description: 'The token', schema: s.devTokenSchema }, 400: problems[400], ...hidden },
        handle: async ({ body }) => {
          const user = await services.landlordUser(deps.config.LANDLORD_ID, { tenantId: body.tenantId, objectId: body.objectId });
          if (!user) throw new DomainError('not-found', serverMessages.notFound);
          const minted = await dev.mint({ tenantId: user.tenantId, objectId: user.objectId, name: user.displayName }, deps.clock());
          const reply: s.DevToken = { accessToken: minted.token, tokenType: 'Bearer', expiresAt: minted.expiresAt.toISOString() };
          return { status: 200, body: reply };
        },
      }),
      openRoute('local-dev', {
        method: 'get',
        path: '/api/dev/jwks.json',
        operationId: 'getDevJwks',
        summary: 'Local mode: the public key of the development sign-in.',
        responses: { 200: { description: 'JWKS', schema: s.jwksSchema }, ...hidden },
        handle: async () => ({ status: 200, body: await dev.jwks() }),
      }),
    );
  }
  return routes;
}
