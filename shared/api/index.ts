/**
 * The HTTP API under /api/ (described at /api/openapi.json) that both surfaces call: the Outlook task
 * pane (addin/web) and the Teams dossier pages (bot/tab). Requests are authenticated with an Entra
 * access token (or, in local mode on loopback, the development sign-in) and go through the services
 * with the notifier from the composition root, so a flag made in Outlook updates the partner's Teams card.
 */
import type { Server } from 'restify';
import type { SurfaceDeps } from '../server/app-deps';
import { surfaceServices } from '../services/surface-services';
import { rateLimitsOf } from '../config';
import { rateLimitKey, UserRateLimiter } from '../rules/rate-limit';
import { createAuth, isLoopbackRequest, type AuthOptions } from './auth';
import { registerRoutes, type ApiRoute } from './http';
import { apiRoutes } from './routes';
import { sessionOf } from './session';

export interface ApiOptions {
  auth?: AuthOptions;
}

export interface RegisteredApi {
  /** The API routes as registered (and as the OpenAPI document lists them). */
  routes: readonly ApiRoute[];
}

export function registerApi(server: Server, deps: SurfaceDeps, options: ApiOptions = {}): RegisteredApi {
  const auth = createAuth(deps.config, deps.clock, options.auth);
  // The routes get the services, not the store (the architecture test holds them to it).
  const { store: _store, ...surface } = deps;
  const services = surfaceServices({ ...deps, readAuditWindowMs: deps.config.AUDIT_READ_WINDOW_MINUTES * 60_000 });
  const routes = apiRoutes({ deps: surface, services, auth });
  // Per signed-in user (tenant and object id), before any work: reads and writes each their bucket.
  const limiter = new UserRateLimiter(rateLimitsOf(deps.config));
  registerRoutes(server, routes, {
    logger: deps.logger,
    authenticate: (request) => auth.authenticate(request),
    rateLimit: (identity, kind) => {
      const taken = limiter.take(rateLimitKey(identity.tenantId, identity.objectId), kind, deps.clock().getTime());
      return taken.allowed ? undefined : taken.retryAfterSeconds;
    },
    session: (identity) => sessionOf(surface, services, identity),
    devAllowed: (origin) => auth.devSignIn !== undefined && isLoopbackRequest(origin),
  });
  return { routes };
}
