/**
 * The Outlook add-in's server side (issue: Outlook add-in): its static pages under /addin/ and its
 * API under /api/ (OpenAPI at /api/openapi.json).
 */
import type { Server } from 'restify';
import type { SurfaceDeps } from '../../shared/server/app-deps';

export function registerAddin(_server: Server, _deps: SurfaceDeps): void {
  // routes are added by the add-in
}
