/**
 * A stand-in for the Bot Framework's token signing keys (the OpenID configuration and JWKS the SDK
 * fetches to check the Bearer token on /api/messages), so azure mode's token check runs here without
 * network. It publishes one RSA key endorsed for 'msteams', as the real document does, and signs
 * tokens the way the Bot Connector does: issuer https://api.botframework.com, audience the bot's app
 * id, a serviceurl claim, one hour. Every claim can be overridden to forge a bad one.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jose } from '../../shared/api/auth/jose';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
const KID = 'channel-key-1';

type SigningKey = Parameters<InstanceType<typeof jose.SignJWT>['sign']>[0];

export interface ChannelTokenOptions {
  audience: string;
  serviceUrl: string;
  issuer?: string;
  /** Seconds from now; negative for a token issued in the past. */
  issuedAt?: number;
  expiresIn?: number;
  /** Another key than the published one (a forged signature under the published kid). */
  key?: SigningKey;
  alg?: 'RS256' | 'HS256';
}

export interface FakeChannelKeys {
  openIdMetadataUrl: string;
  token(options: ChannelTokenOptions): Promise<string>;
  /** How often the SDK fetched the keys (to know the check really ran here). */
  fetches: number;
  stop(): Promise<void>;
}

export async function startFakeChannelKeys(): Promise<FakeChannelKeys> {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: KID, use: 'sig', endorsements: ['msteams'] };
  let base = '';
  const state = { fetches: 0 };
  const server = http.createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/v1/.well-known/openidconfiguration') {
      state.fetches++;
      return send({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && req.url === '/v1/.well-known/keys') return send({ keys: [jwk] });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    get fetches() {
      return state.fetches;
    },
    async token(o) {
      const now = Math.floor(Date.now() / 1000);
      const iat = now + (o.issuedAt ?? 0);
      const alg = o.alg ?? 'RS256';
      const key = alg === 'HS256' ? new TextEncoder().encode('a-shared-secret-an-attacker-chose-32b') : (o.key ?? privateKey);
      return new jose.SignJWT({ serviceurl: o.serviceUrl })
        .setProtectedHeader({ alg, kid: KID, typ: 'JWT' })
        .setIssuer(o.issuer ?? CHANNEL_ISSUER)
        .setAudience(o.audience)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + (o.expiresIn ?? 3600))
        .sign(key);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
