/**
 * The development sign-in of local mode: a key pair made when the process starts (never stored, so a
 * restart ends every session), its public key as a JWKS, and tokens for the demo users signed with it.
 * The issuer is a URN that says "local", so no such token can pass for an Entra token; the verifier
 * accepts it only in local mode and on a loopback request. Reusable by the Teams dialog pages.
 */
import { randomUUID } from 'node:crypto';
import { jose, type JSONWebKeySet, type JWTVerifyGetKey } from './jose';
import type { LocalIssuer } from './token-verifier';

const { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } = jose;

export const LOCAL_ISSUER = 'urn:woonbegeleiding:local-dev-sign-in';
export const LOCAL_AUDIENCE = 'urn:woonbegeleiding:local-api';
const ALGORITHM = 'ES256';
const LIFETIME_SECONDS = 60 * 60;

export interface DevSubject {
  tenantId: string;
  objectId: string;
  name: string;
}

export interface DevSignIn extends LocalIssuer {
  jwks(): Promise<JSONWebKeySet>;
  mint(subject: DevSubject, now: Date): Promise<{ token: string; expiresAt: Date }>;
}

export function createDevSignIn(options: { scope: string }): DevSignIn {
  const kid = randomUUID();
  let pair: ReturnType<typeof generateKeyPair> | undefined;
  const keyPair = () => (pair ??= generateKeyPair(ALGORITHM));
  let publicSet: Promise<JSONWebKeySet> | undefined;
  const jwks = () =>
    (publicSet ??= keyPair().then(async ({ publicKey }) => ({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' }] })));
  let localSet: JWTVerifyGetKey | undefined;

  return {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    jwks,
    keys: async (header, token) => {
      localSet ??= createLocalJWKSet(await jwks());
      return localSet(header, token);
    },
    async mint(subject, now) {
      const { privateKey } = await keyPair();
      const issuedAt = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({ tid: subject.tenantId, oid: subject.objectId, scp: options.scope, name: subject.name, ver: 'local' })
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(subject.objectId)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(issuedAt + LIFETIME_SECONDS)
        .setJti(randomUUID())
        .sign(privateKey);
      return { token, expiresAt: new Date((issuedAt + LIFETIME_SECONDS) * 1000) };
    },
  };
}
