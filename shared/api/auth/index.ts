/**
 * Authentication of the add-in's API, independent of restify so the Teams dialog pages can reuse it:
 * `createAuth(config)` answers who a request's bearer token names (or an AuthError), and in local mode
 * carries the development sign-in.
 */
import type { Config } from '../../config';
import { PLAYGROUND_TENANT } from '../../demo/demo-data';
import { createDevSignIn, type DevSignIn } from './dev-sign-in';
import { isLoopbackRequest, type RequestOrigin } from './loopback';
import { bearerToken, createTokenVerifier, type Identity } from './token-verifier';

export { AuthError, type AuthFailure, type Identity } from './token-verifier';
export { isLoopbackRequest, type RequestOrigin } from './loopback';
export type { DevSignIn } from './dev-sign-in';

export interface AuthOptions {
  /** The Entra authority (default https://login.microsoftonline.com); tests use a local JWKS server. */
  authority?: string;
}

export interface Auth {
  /** Who the request is from; throws AuthError (401) otherwise. */
  authenticate(request: RequestOrigin & { authorization?: string }): Promise<Identity>;
  /** Local mode only. Offer it only when `isLoopbackRequest`. */
  devSignIn?: DevSignIn;
}

/** The audiences an Entra token for this API may carry: its app id and its Application ID URIs. */
export function apiAudiences(config: Pick<Config, 'API_APP_ID' | 'baseUrl'>): string[] {
  const id = config.API_APP_ID;
  if (!id) return [];
  return [id, `api://${id}`, `api://${new URL(config.baseUrl).host}/${id}`];
}

/** The tenant allowlist; a local checkout without one lets in the demo tenant only. */
export function allowedTenants(config: Pick<Config, 'ALLOWED_TENANT_IDS' | 'WOONBEGELEIDING_MODE'>): string[] {
  if (config.ALLOWED_TENANT_IDS.length > 0) return config.ALLOWED_TENANT_IDS;
  return config.WOONBEGELEIDING_MODE === 'local' ? [PLAYGROUND_TENANT] : [];
}

export function createAuth(config: Config, clock: () => Date, options: AuthOptions = {}): Auth {
  const devSignIn = config.WOONBEGELEIDING_MODE === 'local' ? createDevSignIn({ scope: config.API_SCOPE }) : undefined;
  const verifier = createTokenVerifier({
    audiences: apiAudiences(config),
    scope: config.API_SCOPE,
    allowedTenants: allowedTenants(config),
    ...(options.authority ? { authority: options.authority } : {}),
    ...(devSignIn ? { local: devSignIn } : {}),
    clock,
  });
  return {
    authenticate: (request) => verifier.verify(bearerToken(request.authorization), { loopback: isLoopbackRequest(request) }),
    ...(devSignIn ? { devSignIn } : {}),
  };
}
