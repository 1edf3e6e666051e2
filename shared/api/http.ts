/**
 * The add-in API's route table and how it goes onto restify: one list of routes, each with its zod
 * schemas (path, query, body), its responses (for the OpenAPI document) and a handler that calls a
 * service. This file is the one place where the API's failures become HTTP: a bad token 401, an
 * unknown user 403, invalid input 400 with a Dutch reason, a DomainError its problem document.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from 'pino';
import { addinMessages } from '../messages/addin';
import { serverMessages } from '../messages/server';
import { tabMessages } from '../messages/tab';
import { problem, problemFromError, type Problem } from '../server/problem';
import type { ServiceContext } from '../services/context';
import { freeTextMessage, type FreeTextProblem } from '../rules/free-text';
import type { RequestKind } from '../rules/rate-limit';
import type { LandlordConfig, Partner, User } from '../rules/types';
import { AuthError, type RequestOrigin } from './auth';

const msg = addinMessages.api;

/** Requests of this API are small: a flag is a few hundred characters. */
export const MAX_API_BODY_BYTES = 16 * 1024;

export type Method = 'get' | 'post' | 'delete';

/** user: a valid bearer token of a known user; none: open; local-dev: local mode, loopback only. */
export type Access = 'user' | 'none' | 'local-dev';

/** The acting user of a request, resolved from the token (resolve-user), and their service context. */
export interface Session {
  user: User;
  landlord: LandlordConfig;
  partner?: Partner;
  ctx: ServiceContext;
}

export interface Reply {
  status: number;
  body: unknown;
  /** A file to download instead of JSON: `body` is its bytes (a Buffer). */
  file?: { contentType: string; fileName: string };
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** A problem document (application/problem+json). */
  problem?: boolean;
  /** A file of this media type (e.g. application/pdf), sent as an attachment. */
  file?: string;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface Call {
  origin: RequestOrigin;
  /** Present on 'user' routes. */
  session?: Session;
}

export interface ApiRoute {
  method: Method;
  /** OpenAPI form, e.g. /api/flags/{partnerId}/{month}/{dossierId}. */
  path: string;
  operationId: string;
  summary: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, ResponseSpec>;
  handle(input: RouteInput<unknown, unknown, unknown>, call: Call): Promise<Reply>;
}

interface Spec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>
  extends Omit<ApiRoute, 'params' | 'query' | 'body' | 'handle' | 'access'> {
  params?: P;
  query?: Q;
  body?: B;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** A route of a signed-in user: the handler gets the session. */
export function userRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: Spec<P, Q, B> & { handle(input: RouteInput<Infer<P>, Infer<Q>, Infer<B>>, session: Session): Promise<Reply> },
): ApiRoute {
  const { handle, ...rest } = spec;
  return {
    ...rest,
    access: 'user',
    handle: (input, call) => {
      if (!call.session) throw new Error('userRoute without a session'); // registerRoutes always sets it
      return handle(input as RouteInput<Infer<P>, Infer<Q>, Infer<B>>, call.session);
    },
  } as ApiRoute;
}

/** A route without a user: open to all, or (local-dev) to loopback requests in local mode. */
export function openRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  access: 'none' | 'local-dev',
  spec: Spec<P, Q, B> & { handle(input: RouteInput<Infer<P>, Infer<Q>, Infer<B>>, origin: RequestOrigin): Promise<Reply> },
): ApiRoute {
  const { handle, ...rest } = spec;
  return { ...rest, access, handle: (input, call) => handle(input as RouteInput<Infer<P>, Infer<Q>, Infer<B>>, call.origin) } as ApiRoute;
}

// ---------------------------------------------------------------------------------------------
// Failures

/** A valid token of someone who is not a user (or whose organisation is gone): 403, one sentence. */
export class NoAccessError extends Error {
  constructor(readonly reason: string) {
    super(`no access: ${reason}`);
    this.name = 'NoAccessError';
  }
}

/** Invalid input, already in Dutch. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly fields: string[],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Over the user's rate limit: 429 with Retry-After; nothing was done. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
    this.name = 'RateLimitedError';
  }
}

/** A route that exists only for loopback requests in local mode answers like a missing page elsewhere. */
export class HiddenRouteError extends Error {}

type Issue = z.core.$ZodIssue;

const label = (field: string): string => (msg.fieldLabel as Record<string, string>)[field] ?? tabMessages.fieldLabel[field] ?? `"${field}"`;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The Dutch reason of the first issue; the fields of all of them. */
export function inputError(issues: readonly Issue[], input: unknown, where: 'body' | 'params' | 'query'): InputError {
  const first = issues[0];
  const fields = [...new Set(issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [i.path.map(String).join('.') || where])))];
  if (!first) return new InputError(msg.invalid(label(where)), fields);
  const field = first.path.map(String).join('.');
  const name = first.path.length > 0 ? label(field) : label(where);
  let message: string;
  switch (first.code) {
    case 'unrecognized_keys':
      message = first.keys.length === 1 ? msg.unknownField(first.keys[0] as string) : msg.unknownFields(first.keys);
      break;
    case 'invalid_type':
      if (first.path.length === 0) message = where === 'body' ? msg.bodyMissing : msg.invalid(name);
      else message = valueAt(input, first.path) === undefined ? msg.fieldMissing(name) : msg.wrongType(name);
      break;
    case 'too_big':
      message = first.origin === 'string' ? msg.tooLong(name, Number(first.maximum)) : msg.invalid(name);
      break;
    case 'too_small':
      message = first.origin === 'string' ? msg.fieldMissing(name) : msg.invalid(name);
      break;
    case 'custom': {
      // The one free-text check (schema-parts freeText): its problem in Dutch.
      const check = first.params as { freeText?: FreeTextProblem; max?: number } | undefined;
      message = check?.freeText ? freeTextMessage({ ok: false, problem: check.freeText, max: check.max ?? 0 }, name) : msg.invalid(name);
      break;
    }
    default:
      message = msg.invalid(name);
  }
  return new InputError(message, fields);
}

function parse(schema: z.ZodType | undefined, input: unknown, where: 'body' | 'params' | 'query'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw inputError(result.error.issues, input, where);
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Onto restify

export interface RegisterOptions {
  logger: Logger;
  /** Who the token names, or AuthError. */
  authenticate(request: RequestOrigin & { authorization?: string }): Promise<{ tenantId: string; objectId: string; via: string }>;
  /** Takes one request of this identity from its rate limit: undefined, or the seconds to wait (429). */
  rateLimit?(identity: { tenantId: string; objectId: string }, kind: RequestKind): number | undefined;
  /** The session of an identity, or NoAccessError. */
  session(identity: { tenantId: string; objectId: string }): Promise<Session>;
  /** Is this a loopback request in local mode (the local-dev routes)? */
  devAllowed(origin: RequestOrigin): boolean;
}

/** Without a query schema, a route takes no query parameters at all. */
const emptyQuery = z.strictObject({});

/** `/api/flags/{partnerId}` -> `/api/flags/:partnerId` */
export const restifyPath = (path: string): string => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

function send(res: Response, status: number, body: unknown, contentType = 'application/json'): void {
  res.header('cache-control', 'no-store');
  res.header('content-type', contentType);
  res.send(status, body);
}

/** A download: the bytes as they are, saved under the given name (ASCII: it is built from ids). */
function sendFile(res: Response, status: number, bytes: Buffer, file: NonNullable<Reply['file']>): void {
  res.writeHead(status, {
    'cache-control': 'no-store',
    'content-type': file.contentType,
    'content-length': String(bytes.length),
    'content-disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  });
  res.end(bytes);
}

function sendProblem(res: Response, body: Problem): void {
  send(res, body.status, body, 'application/problem+json');
}

export function registerRoutes(server: Server, routes: readonly ApiRoute[], options: RegisterOptions): void {
  const { logger } = options;
  for (const route of routes) {
    const handler = async (req: Request, res: Response): Promise<void> => {
      const origin: RequestOrigin = { remoteAddress: req.socket?.remoteAddress, host: req.headers.host };
      try {
        if (route.access === 'local-dev' && !options.devAllowed(origin)) throw new HiddenRouteError();
        const call: Call = { origin };
        if (route.access === 'user') {
          const identity = await options.authenticate({ ...origin, authorization: req.headers.authorization });
          const retryAfterSeconds = options.rateLimit?.(identity, route.method === 'get' ? 'read' : 'write');
          if (retryAfterSeconds !== undefined) throw new RateLimitedError(retryAfterSeconds);
          call.session = await options.session(identity);
        }
        // The declared length, and what was read (a chunked body declares none).
        const raw = (req as Request & { rawBody?: unknown }).rawBody;
        const read = typeof raw === 'string' ? Buffer.byteLength(raw) : Buffer.isBuffer(raw) ? raw.length : 0;
        if (route.body && Math.max(req.contentLength() || 0, read) > MAX_API_BODY_BYTES) {
          return sendProblem(res, problem(413, 'validation', msg.tooLarge(MAX_API_BODY_BYTES)));
        }
        const input = {
          params: parse(route.params, { ...(req.params as object) }, 'params'),
          query: parse(route.query ?? emptyQuery, { ...((req.query as object | undefined) ?? {}) }, 'query'),
          body: route.body ? parse(route.body, req.body, 'body') : undefined,
        };
        const reply = await route.handle(input, call);
        if (reply.file && Buffer.isBuffer(reply.body)) return sendFile(res, reply.status, reply.body, reply.file);
        send(res, reply.status, reply.body);
      } catch (error) {
        sendProblem(res, problemOf(error, route, res, logger));
      }
    };
    server[route.method === 'delete' ? 'del' : route.method](restifyPath(route.path), handler);
  }
}

function problemOf(error: unknown, route: ApiRoute, res: Response, logger: Logger): Problem {
  const where = { route: route.operationId };
  if (error instanceof AuthError) {
    logger.info({ ...where, reason: error.reason }, 'api: token refused');
    res.header('www-authenticate', error.reason === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"');
    return problem(401, 'unauthorized', msg.unauthorized);
  }
  if (error instanceof NoAccessError) {
    logger.info({ ...where, reason: error.reason }, 'api: no access for this identity');
    return problem(403, 'forbidden', msg.noAccess);
  }
  if (error instanceof RateLimitedError) {
    logger.warn(where, 'api: rate limit reached');
    res.header('retry-after', String(error.retryAfterSeconds));
    return problem(429, 'too-many-requests', serverMessages.tooManyRequests(error.retryAfterSeconds));
  }
  if (error instanceof HiddenRouteError) return problem(404, 'not-found', serverMessages.notFound);
  if (error instanceof InputError) return problem(400, 'validation', error.message, { fields: error.fields });
  const body = problemFromError(error);
  if (body.status >= 500) logger.error({ ...where, err: error }, 'api: request failed');
  return body;
}
