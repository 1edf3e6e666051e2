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

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  // "[::1]:3978", "127.0.0.1:3978", "localhost"
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name.toLowerCase() === 'localhost' || isLoopbackAddress(name);
}

export const isLoopbackRequest = (origin: RequestOrigin): boolean => isLoopbackAddress(origin.remoteAddress) && isLoopbackHost(origin.host);
