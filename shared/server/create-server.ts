/**
 * The one HTTP server of the product (DESIGN "Shape"): restify with the health check. The bot
 * (`/api/messages`) and the add-in (pages and `/api/...`) register their own routes on it.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from 'pino';
import { serverMessages as msg } from '../messages/server';
import { edgeGuard } from './edge';
import { problem, problemFromError } from './problem';

export interface HealthProbe {
  /** Resolves when storage answers; rejects otherwise. */
  ping(): Promise<void>;
}

export interface ServerDeps {
  logger: Logger;
  storage: HealthProbe;
  /** How long the health check waits for storage. */
  healthTimeoutMs?: number;
  /** Local mode: answer only a loopback peer under a loopback Host name (edge.ts). */
  localOnly?: boolean;
}

const MAX_BODY_BYTES = 256 * 1024;

export function createServer({ logger, storage, healthTimeoutMs = 2000, localOnly = false }: ServerDeps): Server {
  const server = restify.createServer({
    name: 'woonbegeleiding',
    handleUncaughtExceptions: false,
    formatters: { 'application/problem+json': (_req, _res, body) => JSON.stringify(body) },
  });
  // Before restify parses anything: the URL it would choke on, non-JSON bodies, local mode's names.
  (server as Server & { first(handler: ReturnType<typeof edgeGuard>): void }).first(edgeGuard({ localOnly }, (refusal) => logger.info({ status: refusal.status, code: refusal.code }, 'http: request refused at the edge')));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only (the edge refused any other body): nothing is ever written to the temp folder.
  // (restify hands the options to its body reader too: maxBodySize is honoured; the types omit it.)
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES } as restify.plugins.JsonBodyParserOptions));

  server.get('/api/health', async (_req: Request, res: Response) => {
    const storageOk = await withTimeout(storage.ping(), healthTimeoutMs).then(
      () => true,
      () => false,
    );
    res.header('cache-control', 'no-store');
    res.json(storageOk ? 200 : 503, { status: storageOk ? 'ok' : 'degraded', storage: storageOk ? 'ok' : 'unavailable' });
  });

  // Everything that escapes a route becomes a problem document, never a stack trace.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, next: (err?: unknown) => void) => {
    const status = err.statusCode ?? 500;
    const body =
      status === 404
        ? problem(404, 'not-found', msg.notFound)
        : status === 405
          ? problem(405, 'validation', msg.methodNotAllowed)
          : status === 413
            ? problem(413, 'validation', msg.tooLarge)
            : status === 400
              ? problem(400, 'validation', msg.badJson)
              : status === 415
                ? problem(415, 'unsupported-media-type', msg.jsonOnly)
                : status >= 400 && status < 500
                  ? problem(status, 'validation', msg.badRequest)
                  : problemFromError(err);
    // The error's name only: a message or stack may quote what somebody typed.
    if (body.status >= 500) logger.error({ error: err.name, route: req.getRoute()?.path }, 'request failed');
    res.header('content-type', 'application/problem+json');
    (err as unknown as { toJSON: () => unknown }).toJSON = () => body;
    return next();
  });
  return server;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
