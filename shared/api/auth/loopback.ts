/**
 * Is a request from this computer? The development sign-in is offered only then (local mode). Both
 * the peer address and the Host header must be loopback: the Host check stops a web page on another
 * origin that rebinds its DNS name to 127.0.0.1 (DNS rebinding) from getting a token.
 */
import { isIP } from 'node:net';

export interface RequestOrigin {
  /** The socket's peer address. */
  remoteAddress?: string;
  /** The Host header. */
  host?: string;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

/** The whole Host header is a loopback name with an optional port: `localhost`, `127.x.y.z`, `[::1]`. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  // Anchored on both ends: "[::1]evil.example" or "127.0.0.1.evil.example" are other names.
  return host !== undefined && LOOPBACK_HOST.test(host);
}

export const isLoopbackRequest = (origin: RequestOrigin): boolean => isLoopbackAddress(origin.remoteAddress) && isLoopbackHost(origin.host);
