/**
 * The Outlook add-in's server side: its static pages under /addin/ (the task pane at
 * /addin/taskpane.html) and its API under /api/ (described at /api/openapi.json), on the product's
 * one restify server. Requests are authenticated with an Entra access token (or, in local mode on
 * loopback, the development sign-in) and go through the services with the notifier from the
 * composition root, so a flag made in Outlook updates the partner's Teams card.
 */
import type { Server } from 'restify';
import type { SurfaceDeps } from '../server/app-deps';
import { createAuth, isLoopbackRequest, type AuthOptions } from './auth';
import { registerRoutes, type ApiRoute } from './http';
import { apiRoutes } from './routes';
import { sessionOf } from './session';
import { registerStatic } from '../../addin/static';
import { registerTabStatic } from '../../bot/tab/static';

export interface AddinOptions {
  auth?: AuthOptions;
  /** Where the built pane lives (default dist/web/addin). */
  webDir?: string;
}

export interface RegisteredAddin {
  /** The API routes as registered (and as the OpenAPI document lists them). */
  routes: readonly ApiRoute[];
}

export function registerAddin(server: Server, deps: SurfaceDeps, options: AddinOptions = {}): RegisteredAddin {
  const local = deps.config.WOONBEGELEIDING_MODE === 'local';
  const auth = createAuth(deps.config, deps.clock, options.auth);
  const routes = apiRoutes({ deps, auth });
  registerRoutes(server, routes, {
    logger: deps.logger,
    authenticate: (request) => auth.authenticate(request),
    session: (identity) => sessionOf(deps, identity),
    devAllowed: (origin) => auth.devSignIn !== undefined && isLoopbackRequest(origin),
  });
  registerStatic(server, { local, logger: deps.logger, ...(options.webDir ? { webDir: options.webDir } : {}) });
  // The Teams tab and dialogs "Dossiers" (bot/tab) use the same API and sign-in.
  registerTabStatic(server, { local, logger: deps.logger });
  return { routes };
}
