/**
 * Part of the composition root (with main.ts): the API both surfaces call and the pages each surface
 * serves (the Outlook task pane under /addin/, the Teams dossier pages under /tab/), on the one
 * restify server. Only the composition root imports bot/ and addin/ from shared/.
 */
import type { Server } from 'restify';
import { registerStatic } from '../../addin/static';
import { registerTabStatic } from '../../bot/tab/static';
import { registerApi, type ApiOptions, type RegisteredApi } from '../api';
import type { SurfaceDeps } from './app-deps';

export interface WebOptions extends ApiOptions {
  /** Where the built task pane lives (default dist/web/addin). */
  webDir?: string;
}

export function registerApiAndPages(server: Server, deps: SurfaceDeps, options: WebOptions = {}): RegisteredApi {
  const local = deps.config.WOONBEGELEIDING_MODE === 'local';
  const api = registerApi(server, deps, options.auth ? { auth: options.auth } : {});
  registerStatic(server, { local, logger: deps.logger, ...(options.webDir ? { webDir: options.webDir } : {}) });
  registerTabStatic(server, { local, logger: deps.logger });
  return api;
}
