/**
 * The HTTP edge: what every request must pass before restify looks at it (restify's `first` chain,
 * which runs before restify parses the URL or reads a body). One request can never end the process
 * or leave a file behind:
 *
 * - restify 12.0.0 builds a WHATWG URL from the Host header and the request target before any route
 *   runs and throws (uncaught: the process exits) on e.g. `Host: [::1]evil.example` or a target
 *   `http://[::1/x` (restify/node-restify#2011). The same parse is tried here first; a request it
 *   refuses gets 400 and never reaches restify.
 * - Only JSON bodies: a request with a body of any other type (multipart, form, text) or a compressed
 *   one gets 415 before a byte of it is read, so nothing is buffered or written to the temp folder.
 *   The connection closes.
 * - Local mode (no tokens) answers only this machine under its own names: a loopback peer (403
 *   otherwise) and a loopback Host header (421 otherwise: a web page that rebinds its DNS name to
 *   127.0.0.1 sends its own name).
 * - Every answer carries `x-content-type-options: nosniff`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serverMessages as msg } from '../messages/server';
import { isLoopbackAddress, isLoopbackHost } from '../api/auth/loopback';
import { problem, type Problem } from './problem';

export interface EdgeOptions {
  /** Local mode: loopback peer and Host only. */
  localOnly: boolean;
}

/** The URL restify 12's Request.getUrl builds (lib/request.js), or undefined where it would throw. */
export function restifyUrlOf(target: string | undefined, host: string | undefined): URL | undefined {
  const url = target ?? '';
  const base = `http://${host || 'localhost'}`;
  try {
    return url.charAt(0) === '/' ? new URL(base + url) : new URL(url, base);
  } catch {
    return undefined;
  }
}

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/** Does the request carry a body (a declared length above 0, or a chunked one)? */
const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** Why the edge refuses a request, or undefined to let restify handle it. */
export function edgeRefusal(req: IncomingMessage, options: EdgeOptions): Problem | undefined {
  if (!restifyUrlOf(req.url, req.headers.host)) return problem(400, 'validation', msg.badRequestLine);
  if (options.localOnly) {
    if (!isLoopbackAddress(req.socket?.remoteAddress)) return problem(403, 'forbidden', msg.localPeerOnly);
    if (!isLoopbackHost(req.headers.host)) return problem(421, 'misdirected-request', msg.localHostOnly);
  }
  if (hasBody(req) && !JSON_TYPE.test(req.headers['content-type'] ?? '')) return problem(415, 'unsupported-media-type', msg.jsonOnly);
  // A compressed body could unpack to far more than the body limit (restify would gunzip it).
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return problem(415, 'unsupported-media-type', msg.noCompression);
  return undefined;
}

/** restify `server.first(...)` handler: false stops the request with the answer already sent. */
export function edgeGuard(options: EdgeOptions, onRefused: (refusal: Problem) => void = () => {}): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    try {
      res.setHeader('x-content-type-options', 'nosniff');
      const refusal = edgeRefusal(req, options);
      if (!refusal) return true;
      onRefused(refusal);
      sendRaw(res, refusal, hasBody(req));
      return false;
    } catch {
      // Never let the guard itself throw out of the request event.
      sendRaw(res, problem(400, 'validation', msg.badRequestLine), true);
      return false;
    }
  };
}

/** Plain Node: restify has not decorated this request/response yet. */
function sendRaw(res: ServerResponse, body: Problem, close: boolean): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.statusCode = body.status;
  res.setHeader('content-type', 'application/problem+json');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', Buffer.byteLength(text));
  // A body that was not read must not be taken for the next request on this connection.
  if (close) res.setHeader('connection', 'close');
  res.end(text);
}
