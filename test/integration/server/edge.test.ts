/**
 * The HTTP edge (shared/server/edge.ts) against raw bytes on a socket, on the product's server as
 * `npm start` composes it (local mode: the bot, the API and the pages; TMPDIR a fresh folder, in this
 * process, so a crash fails this test file): malformed Host headers, absolute-form
 * and malformed targets, oversized headers, unknown methods, bodies that lie about their length,
 * multipart and other content types. No request may end the process (restify 12.0.0 exited on
 * `Host: [::1]evil.example`) or leave a file in the temp folder. Afterwards the server is healthy.
 *
 * What each answer is depends on who refuses (Node's HTTP parser: 400/431 and a closed socket; the
 * edge: a problem document); the test asserts what must hold: never a 5xx, never a success for a
 * refused request, and the documented status where the edge answers.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Server } from 'restify';
import { loadConfig } from '../../../shared/config';
import { createServer } from '../../../shared/server/create-server';
import { registerApiAndPages } from '../../../shared/server/web';
import { createTeamsBot, type TeamsBot } from '../../../bot/teams';
import { createTestStore } from '../../setup/test-store';

let server: Server;
let bot: TeamsBot;
let url: string;
let tempDir: string;
let port: number;
const originalTmp = process.env.TMPDIR;

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'wb-edge-tmp-'));
  const store = await createTestStore();
  const config = loadConfig({ WOONBEGELEIDING_MODE: 'local', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const logger = pino({ level: 'silent' });
  const deps = { config, logger, store, clock: () => new Date('2025-11-10T10:00:00+01:00') };
  server = createServer({ logger, storage: store, localOnly: true });
  bot = createTeamsBot(deps);
  bot.register(server);
  registerApiAndPages(server, { ...deps, notifier: bot.notifier });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  // Whatever the server would write to a temp folder (restify's multipart parser does) lands here.
  process.env.TMPDIR = tempDir;
});
afterAll(async () => {
  process.env.TMPDIR = originalTmp;
  server.server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await bot.close();
  rmSync(tempDir, { recursive: true, force: true });
});

interface Answer {
  /** The status of the first answer on the connection; undefined when the server closed it without one. */
  status?: number;
  headers: string;
  body: string;
}

/** The first response in `text`, when it is complete: status, headers (lower case) and the de-chunked body. */
function firstResponse(text: string): Answer | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = text.slice(0, end);
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
  if (!status) return undefined;
  const headers = head.toLowerCase();
  let rest = text.slice(end + 4);
  if (/\r\ntransfer-encoding: chunked/.test(headers)) {
    let body = '';
    for (;;) {
      const line = rest.indexOf('\r\n');
      if (line < 0) return undefined;
      const size = parseInt(rest.slice(0, line), 16);
      if (Number.isNaN(size) || rest.length < line + 2 + size + 2) return undefined;
      if (size === 0) return { status: Number(status), headers, body };
      body += rest.slice(line + 2, line + 2 + size);
      rest = rest.slice(line + 2 + size + 2);
    }
  }
  const length = Number(/\r\ncontent-length: (\d+)/.exec(headers)?.[1] ?? 0);
  return rest.length >= length ? { status: Number(status), headers, body: rest.slice(0, length) } : undefined;
}

/**
 * Writes the bytes and reads until the first response is complete or the server closes the
 * connection. `end`: half-close after writing (for a body shorter than it says, which the server
 * would otherwise wait for).
 */
function exchange(bytes: string | Buffer, options: { end?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const text = () => Buffer.concat(chunks).toString('latin1');
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const answer = firstResponse(text());
      if (answer) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.on('close', () => resolve(firstResponse(text()) ?? { headers: '', body: text() }));
    const data = typeof bytes === 'string' ? bytes.replaceAll(PORT, String(port)) : Buffer.from(bytes.toString('latin1').replaceAll(PORT, String(port)), 'latin1');
    socket.write(data, () => (options.end ? socket.end() : undefined));
  });
}

const request = (lines: string[], body = ''): string => `${lines.join('\r\n')}\r\n\r\n${body}`;
/** The port is known once the server listens: requests carry a placeholder until they are sent. */
const PORT = '{port}';
const host = () => `Host: 127.0.0.1:${PORT}`;
const json = '{"partnerId":"de-vaart","month":"2025-11","dossierId":"x","problem":"p"}';
const multipart = [
  '--grens',
  'Content-Disposition: form-data; name="file"; filename="groot.bin"',
  'Content-Type: application/octet-stream',
  '',
  'x'.repeat(64 * 1024),
  '--grens--',
  '',
].join('\r\n');

/** [what, bytes, the statuses that may answer it (undefined: the server may just close), options]. */
const attacks: [string, string | Buffer, readonly (number | undefined)[], { end?: boolean }?][] = [
  // restify 12.0.0 threw "Invalid URL" on these and the process exited (restify/node-restify#2011).
  ['Host with brackets and a name after them', request(['GET /api/health HTTP/1.1', 'Host: [::1]evil.example']), [400]],
  ['Host that is only an opening bracket', request(['GET /api/health HTTP/1.1', 'Host: [']), [400]],
  ['absolute-form target with a broken IPv6 host', request(['GET http://[::1/x HTTP/1.1', host()]), [400]],
  ['Host with a space', request(['GET /api/health HTTP/1.1', 'Host: evil example']), [400]],
  ['Host with unicode', Buffer.from(request(['GET /api/health HTTP/1.1', 'Host: bücher.example']), 'utf8'), [400, 421]],
  ['Host with a control character', request(['GET /api/health HTTP/1.1', 'Host: a\u0001b']), [400, undefined]],
  ['an empty Host', request(['GET /api/health HTTP/1.1', 'Host: ']), [400, 421]],
  ['two Host headers', request(['GET /api/health HTTP/1.1', host(), 'Host: evil.example']), [400, 421, 200]],
  ['no Host at all (HTTP/1.0)', request(['GET /api/health HTTP/1.0']), [421]],
  ['a port that is no number', request(['GET /api/health HTTP/1.1', 'Host: 127.0.0.1:abc']), [400]],
  ['absolute-form target to another host', request(['GET http://evil.example/api/health HTTP/1.1', host()]), [200]],
  ['a target without a leading slash', request(['GET api/health HTTP/1.1', host()]), [400, 404]],
  ['a target "*"', request(['OPTIONS * HTTP/1.1', host()]), [200, 400, 404, 405]],
  ['a network-path target', request(['GET //evil.example/x HTTP/1.1', host()]), [404]],
  ['a broken percent-encoding', request(['GET /api/dossiers/%E0%A4%A HTTP/1.1', host()]), [400, 401, 404]],
  ['a target with a control character', request(['GET /api/\u007fhealth HTTP/1.1', host()]), [400, 404, undefined]],
  ['a target of 20 kB', request([`GET /${'a'.repeat(20_000)} HTTP/1.1`, host()]), [404, 414, 431, 400]],
  ['oversized headers', request(['GET /api/health HTTP/1.1', host(), `X-Groot: ${'a'.repeat(20_000)}`]), [431, 400]],
  ['an unknown method', request(['FOO /api/health HTTP/1.1', host()]), [400, 405, undefined]],
  ['a method in lower case', request(['get /api/health HTTP/1.1', host()]), [400, undefined]],
  ['an unknown HTTP version', request(['GET /api/health HTTP/9.9', host()]), [400, 505, undefined]],
  ['garbage instead of a request line', '\u0000\u0001\u0002 niets\r\n\r\n', [400, undefined]],
  ['a body longer than its Content-Length', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Length: 2'], `{}${json}`), [401, 400]],
  ['a body shorter than its Content-Length', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Length: 5000'], json), [400, 401, undefined], { end: true }],
  ['a negative Content-Length', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Length: -1'], json), [400]],
  ['two different Content-Lengths', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Length: 5', 'Content-Length: 6'], json), [400]],
  ['Content-Length with Transfer-Encoding', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Length: 5', 'Transfer-Encoding: chunked'], `5\r\n{"a":\r\n0\r\n\r\n`), [400]],
  ['broken chunked encoding', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Transfer-Encoding: chunked'], 'zz\r\n{}\r\n0\r\n\r\n'), [400]],
  ['multipart to the API', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: multipart/form-data; boundary=grens', `Content-Length: ${multipart.length}`], multipart), [415]],
  ['multipart to the bot', request(['POST /api/messages HTTP/1.1', host(), 'Content-Type: multipart/form-data; boundary=grens', `Content-Length: ${multipart.length}`], multipart), [415]],
  ['multipart, chunked', request(['POST /api/dossiers HTTP/1.1', host(), 'Content-Type: multipart/form-data; boundary=grens', 'Transfer-Encoding: chunked'], `${multipart.length.toString(16)}\r\n${multipart}\r\n0\r\n\r\n`), [415]],
  ['a form body', request(['POST /api/dev/token HTTP/1.1', host(), 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 7'], 'a=b&c=d'), [415]],
  ['a text body', request(['POST /api/messages HTTP/1.1', host(), 'Content-Type: text/plain', 'Content-Length: 4'], 'hallo'.slice(0, 4)), [415]],
  ['an octet-stream body', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/octet-stream', 'Content-Length: 4'], 'abcd'), [415]],
  ['a body without a Content-Type', request(['POST /api/flags HTTP/1.1', host(), 'Content-Length: 2'], '{}'), [415]],
  ['a gzip body', request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Encoding: gzip', 'Content-Length: 4'], 'abcd'), [415]],
  ['JSON that is not JSON', request(['POST /api/messages HTTP/1.1', host(), 'Content-Type: application/json', 'Content-Length: 5'], '{"a":'), [400]],
  ['a JSON body over 256 kB', request(['POST /api/messages HTTP/1.1', host(), 'Content-Type: application/json', `Content-Length: ${300 * 1024}`], `"${'x'.repeat(300 * 1024 - 2)}"`), [413]],
];

describe('the HTTP edge survives anything a socket can send', () => {
  const before = () => readdirSync(tempDir).sort();
  let tempBefore: string[];
  const seen: [string, number | undefined][] = [];

  beforeAll(() => {
    tempBefore = before();
  });

  // `...[options]`: jest takes a declared parameter beyond a row's values for a `done` callback.
  it.each(attacks)('%s: never a 5xx, never the process', async (what, bytes, allowed, ...[options]) => {
    const answer = await exchange(bytes, options);
    seen.push([what, answer.status]);
    expect([what, allowed.includes(answer.status)]).toEqual([what, true]);
    if (answer.status !== undefined && answer.status >= 400 && answer.headers.includes('application/problem+json')) {
      // The edge's and restify's refusals: a Dutch problem document, never a stack trace.
      const problem = JSON.parse(answer.body) as { status: number; detail: string };
      expect(problem.status).toBe(answer.status);
      expect(problem.detail).not.toMatch(/Error|at .*\.js/);
    }
  });

  it('afterwards: the same server answers healthy, and nothing was written to its temp folder', async () => {
    console.log(`edge: ${seen.map(([w, s]) => `${s ?? 'closed'} ${w}`).join('; ')}`);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', storage: 'ok' });
    expect(before()).toEqual(tempBefore);
  });
});

describe('answers of the edge', () => {
  it('the malformed Host: 400 with a Dutch problem document', async () => {
    const answer = await exchange(request(['GET /api/health HTTP/1.1', 'Host: [::1]evil.example']));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400, detail: 'Dit verzoek kan niet gelezen worden: het adres of de Host-kop is ongeldig.' });
  });

  it('multipart: 415 naming JSON, and the connection closes without reading the body', async () => {
    const answer = await exchange(request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: multipart/form-data; boundary=grens', `Content-Length: ${multipart.length}`], multipart));
    expect(answer.status).toBe(415);
    expect(answer.headers).toContain('connection: close');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 415, code: 'unsupported-media-type', detail: expect.stringContaining('alleen JSON') });
  });

  it('every answer, also a refusal and a page, says x-content-type-options: nosniff', async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/nergens', '/addin/taskpane.html']) {
      const response = await fetch(url + path);
      expect([path, response.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
    }
    const refused = await exchange(request(['POST /api/flags HTTP/1.1', host(), 'Content-Type: text/plain', 'Content-Length: 1'], 'x'));
    expect(refused.headers).toContain('x-content-type-options: nosniff');
  });

  it('local mode: another Host name gets 421 with a Dutch reason on the bot, the development sign-in and the API', async () => {
    for (const [method, target] of [['POST', '/api/messages'], ['POST', '/api/dev/token'], ['GET', '/api/dev/users'], ['GET', '/api/me']] as const) {
      const body = method === 'POST' ? '{}' : '';
      const answer = await exchange(request([`${method} ${target} HTTP/1.1`, `Host: evil.example:${port}`, ...(body ? ['Content-Type: application/json', `Content-Length: ${body.length}`] : [])], body));
      expect([target, answer.status]).toEqual([target, 421]);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 421, detail: expect.stringContaining('alleen op localhost, 127.0.0.1 of [::1]') });
    }
    for (const name of ['localhost', '127.0.0.1', '[::1]']) {
      const answer = await exchange(request(['GET /api/health HTTP/1.1', `Host: ${name}:${port}`]));
      expect([name, answer.status]).toEqual([name, 200]);
    }
  });
});
