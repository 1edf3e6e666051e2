/**
 * Validates the bearer tokens of the add-in's API (and later the Teams dialogs): Entra access tokens
 * (v2), and in local mode the development sign-in's tokens. Nothing here knows restify or the store.
 *
 * Entra (DESIGN, Security): the tenant (`tid`, a GUID) must be on the allowlist BEFORE any key is
 * fetched, so a stranger cannot make us fetch keys of arbitrary tenants; then the signature against
 * that tenant's keys (`{authority}/{tid}/discovery/v2.0/keys`, RS256), the issuer of that same tenant
 * (`{authority}/{tid}/v2.0`), the audience (the API's app id or its `api://` URI), expiry and
 * not-before (with a small clock skew), and the delegated scope in `scp` (an app-only token has none).
 *
 * Local: a token whose issuer is the development sign-in's is checked against its in-process key, and
 * only on a loopback request; in every other way the same checks apply.
 */
import { jose, type JWTPayload, type JWTVerifyGetKey } from './jose';

const { createRemoteJWKSet, decodeJwt, errors, jwtVerify } = jose;

export const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The demo users' ids (the Agents Playground's) are GUID-like but not GUIDs: local tokens only. */
const LOCAL_ID = /^[0-9a-f-]{1,64}$/i;
/** Entra allows some clock skew; a minute is enough between Azure hosts. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** Why a token was refused: for logs and tests only; the user always hears the same Dutch sentence. */
export type AuthFailure =
  | 'missing'
  | 'malformed'
  | 'tenant'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not-yet-valid'
  | 'signature'
  | 'scope'
  | 'claims'
  | 'local-not-allowed'
  | 'keys-unavailable';

export class AuthError extends Error {
  constructor(readonly reason: AuthFailure) {
    super(`token refused: ${reason}`);
    this.name = 'AuthError';
  }
}

/** Who the token says is calling: the first half of every request (then resolve-user). */
export interface Identity {
  tenantId: string;
  objectId: string;
  via: 'entra' | 'local';
}

export interface LocalIssuer {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export interface TokenVerifierOptions {
  /** Accepted `aud` values; empty refuses every Entra token. */
  audiences: readonly string[];
  /** The delegated scope required in `scp`, e.g. access_as_user. */
  scope: string;
  allowedTenants: readonly string[];
  /** Default https://login.microsoftonline.com; tests point it at a local JWKS server. */
  authority?: string;
  /** The development sign-in (local mode only). */
  local?: LocalIssuer;
  /** The process's clock (time is an input). */
  clock: () => Date;
}

export interface TokenVerifier {
  verify(token: string | undefined, request: { loopback: boolean }): Promise<Identity>;
}

function failureOf(error: unknown): AuthFailure {
  if (error instanceof AuthError) return error.reason;
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'iss') return 'issuer';
    if (error.claim === 'nbf') return 'not-yet-valid';
    return 'claims';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'signature';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) return 'keys-unavailable';
  return 'signature';
}

function requireScope(payload: JWTPayload, scope: string): void {
  const scp = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scp.includes(scope)) throw new AuthError('scope');
}

function identityOf(payload: JWTPayload, via: Identity['via']): Identity {
  const { tid, oid } = payload;
  const pattern = via === 'entra' ? GUID : LOCAL_ID;
  if (typeof tid !== 'string' || !pattern.test(tid) || typeof oid !== 'string' || !pattern.test(oid)) throw new AuthError('claims');
  return { tenantId: tid.toLowerCase(), objectId: oid.toLowerCase(), via };
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const authority = (options.authority ?? ENTRA_AUTHORITY).replace(/\/+$/, '');
  const allowed = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  // One key set per allowed tenant; jose caches the keys and refetches on an unknown kid (rollover).
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keysOf = (tid: string): JWTVerifyGetKey => {
    let keys = keySets.get(tid);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${authority}/${tid}/discovery/v2.0/keys`), { timeoutDuration: 5000 });
      keySets.set(tid, keys);
    }
    return keys;
  };

  async function verifyEntra(token: string, unverified: JWTPayload): Promise<Identity> {
    const tid = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    if (!GUID.test(tid) || !allowed.has(tid)) throw new AuthError('tenant');
    if (options.audiences.length === 0) throw new AuthError('audience');
    const { payload } = await jwtVerify(token, keysOf(tid), {
      issuer: `${authority}/${tid}/v2.0`,
      audience: [...options.audiences],
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'tid', 'oid'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: options.clock(),
    });
    requireScope(payload, options.scope);
    const identity = identityOf(payload, 'entra');
    if (identity.tenantId !== tid) throw new AuthError('tenant');
    return identity;
  }

  async function verifyLocal(token: string, local: LocalIssuer, loopback: boolean): Promise<Identity> {
    if (!loopback) throw new AuthError('local-not-allowed');
    const { payload } = await jwtVerify(token, local.keys, {
      issuer: local.issuer,
      audience: local.audience,
      algorithms: ['ES256'],
      requiredClaims: ['exp', 'tid', 'oid'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: options.clock(),
    });
    requireScope(payload, options.scope);
    const identity = identityOf(payload, 'local');
    if (!allowed.has(identity.tenantId)) throw new AuthError('tenant');
    return identity;
  }

  return {
    async verify(token, request) {
      if (!token) throw new AuthError('missing');
      try {
        let unverified: JWTPayload;
        try {
          unverified = decodeJwt(token);
        } catch {
          throw new AuthError('malformed');
        }
        if (options.local && unverified.iss === options.local.issuer) return await verifyLocal(token, options.local, request.loopback);
        return await verifyEntra(token, unverified);
      } catch (error) {
        throw error instanceof AuthError ? error : new AuthError(failureOf(error));
      }
    },
  };
}

/** The token of an `Authorization: Bearer ...` header, if any. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
