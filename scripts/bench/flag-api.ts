/**
 * flagApiP95Ratio, flagApiRps and peakRssMb: the add-in's flag API under load (autocannon, 50
 * connections, POST /api/flags by the 50 partners' members on their own dossiers) through the real
 * server in a process of its own, against a bare restify endpoint doing one Table upsert (also a
 * process of its own), on the same Azurite in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { User } from '../../shared/rules/types';
import { devToken } from './server';
import { peakRssMb, percentile, round } from './stats';

const root = path.resolve(__dirname, '../..');

export interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function serve(kind: 'api' | 'bare' | 'echo', connectionString: string, tablePrefix: string): Promise<Served> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.join('scripts', 'bench', 'serve.ts'), kind], {
    cwd: root,
    env: { ...process.env, AZURE_TABLES_CONNECTION_STRING: connectionString, BENCH_TABLE_PREFIX: tablePrefix },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve.ts ${kind} exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return {
    url,
    child,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface CannonResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

export async function cannon(
  url: string,
  seconds: number,
  request: { method: string; path: string; setup: () => { headers: Record<string, string>; body: string } },
  /** A fixed offered rate (requests per second over all connections); default: as fast as answered. */
  overallRate?: number,
): Promise<CannonResult> {
  const samples: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: 50,
        duration: seconds,
        ...(overallRate ? { overallRate } : {}),
        requests: [{ method: request.method, path: request.path, setupRequest: (r) => ({ ...r, ...request.setup() }) }],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      samples.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  return {
    requests: samples.length,
    rps: round(samples.length / seconds, 1),
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(statuses),
  };
}

export interface FlagApiFigures {
  api: CannonResult;
  bare: CannonResult;
  /** The same requests at a fixed offered rate (FIXED_RATE per second). */
  apiAtFixedRate: CannonResult;
  bareAtFixedRate: CannonResult;
  flagApiP95Ratio: number;
  flagApiP95RatioAtFixedRate: number;
  flagApiRps: number;
  /** The flag API's throughput at saturation over the bare endpoint's. */
  flagApiRpsShare: number;
  peakRssMb: number;
}

/** The offered rate of the fixed-rate runs: what 50 partners flagging at once could send. */
export const FIXED_RATE = 50;

/**
 * `members`: one per partner; `dossiersOf`: each partner's dossier ids. The flags go to `month`, each
 * request a random member on a random dossier of its own (the first flag 201, a repeat 200). Each
 * endpoint runs twice: at a fixed offered rate, then as fast as it answers (50 connections).
 */
export async function measureFlagApi(options: {
  /** The product's server process, already running on the store. */
  apiServer: Served;
  connectionString: string;
  tablePrefix: string;
  members: readonly User[];
  dossiersOf: ReadonlyMap<string, readonly string[]>;
  month: string;
  seconds: number;
  say: (line: string) => void;
}): Promise<FlagApiFigures> {
  const { members, dossiersOf, month } = options;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
  const line = (name: string, r: CannonResult) =>
    `${name}: ${r.rps} req/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms (${r.requests} requests, answers ${JSON.stringify(r.statuses)}, errors ${r.errors})`;

  const bareServer = await serve('bare', options.connectionString, options.tablePrefix);
  let bare: CannonResult;
  let bareAtFixedRate: CannonResult;
  try {
    let n = 0;
    const upsert = {
      method: 'POST',
      path: '/upsert',
      setup: () => ({
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ partitionKey: pick(members).partnerId, rowKey: `r${++n}`, problem: 'Huur niet betaald sinds twee maanden' }),
      }),
    };
    bareAtFixedRate = await cannon(bareServer.url, options.seconds, upsert, FIXED_RATE);
    bare = await cannon(bareServer.url, options.seconds, upsert);
  } finally {
    await bareServer.stop();
  }
  options.say(line(`bare restify + one Table upsert at ${FIXED_RATE}/s`, bareAtFixedRate));
  options.say(line('bare restify + one Table upsert, saturated', bare));

  const { apiServer } = options;
  const tokens = new Map<string, string>();
  for (const m of members) tokens.set(m.partnerId as string, await devToken(apiServer.url, m));
  const flag = {
    method: 'POST',
    path: '/api/flags',
    setup: () => {
      const member = pick(members);
      const partnerId = member.partnerId as string;
      return {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(partnerId)}` },
        body: JSON.stringify({ partnerId, month, dossierId: pick(dossiersOf.get(partnerId) ?? []), problem: 'Huur niet betaald sinds twee maanden' }),
      };
    },
  };
  const apiAtFixedRate = await cannon(apiServer.url, options.seconds, flag, FIXED_RATE);
  const api = await cannon(apiServer.url, options.seconds, flag);
  const rss = await peakRssMb(apiServer.child.pid as number);
  options.say(line(`flag API (POST /api/flags, real server) at ${FIXED_RATE}/s`, apiAtFixedRate));
  options.say(line('flag API (POST /api/flags, real server), saturated', api));
  return {
    api,
    bare,
    apiAtFixedRate,
    bareAtFixedRate,
    flagApiP95Ratio: round(api.p95Ms / bare.p95Ms),
    flagApiP95RatioAtFixedRate: round(apiAtFixedRate.p95Ms / bareAtFixedRate.p95Ms),
    flagApiRps: api.rps,
    flagApiRpsShare: round(api.rps / bare.rps, 3),
    peakRssMb: rss,
  };
}
