/**
 * botTurnP95Ratio: the agenda and dossier commands through POST /api/messages of the real server
 * (local mode: no tokens, loopback), timed from the POST until the reply reaches the activity's
 * serviceUrl (a small local HTTP server standing in for the Teams connector), divided by the same for
 * a bare botbuilder echo bot (CloudAdapter + ActivityHandler on restify) in the same run.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLAYGROUND_TENANT } from '../../shared/demo/demo-data';
import type { User } from '../../shared/rules/types';
import { percentile, round } from './stats';

/** The Teams connector stand-in: answers every call, and tells who waits for a reply that it came. */
export async function startServiceUrl(): Promise<{ url: string; waitForReply(activityId: string): Promise<void>; replies: number; close(): Promise<void> }> {
  const waiting = new Map<string, () => void>();
  const early = new Set<string>();
  const state = { replies: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)/.exec(req.url ?? '');
      if (req.method === 'POST' && match?.[2]) {
        state.replies++;
        const replyTo = decodeURIComponent(match[2]);
        const done = waiting.get(replyTo);
        if (done) {
          waiting.delete(replyTo);
          done();
        } else early.add(replyTo);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(/\/members/.test(req.url ?? '') ? [] : { id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    waitForReply: (id) =>
      early.delete(id)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => (waiting.delete(id), reject(new Error('no reply within 15 s'))), 15_000);
            waiting.set(id, () => (clearTimeout(timer), resolve()));
          }),
    get replies() {
      return state.replies;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TurnFigures {
  turns: number;
  p50Ms: number;
  p95Ms: number;
  failed: number;
  /** p95 per command (the first word of the text). */
  p95MsByCommand: Record<string, number>;
}

/** An activity from `user` in its personal chat with the bot, as Teams sends it (type and content to add). */
export function personalActivity(user: User, serviceUrl: string) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user.objectId}`, name: user.displayName, aadObjectId: user.objectId },
    recipient: { id: '28:woonbegeleiding-bot', name: 'Woonbegeleiding' },
    conversation: { id: `a:personal-${user.objectId}`, conversationType: 'personal', tenantId: PLAYGROUND_TENANT },
    channelData: { tenant: { id: PLAYGROUND_TENANT } },
    locale: 'nl-BE',
  };
}

/** `total` turns round the `users`, `concurrency` at a time, each in the user's personal chat. */
export async function measureTurns(
  botUrl: string,
  serviceUrl: Awaited<ReturnType<typeof startServiceUrl>>,
  users: readonly User[],
  textFor: (user: User, turn: number) => string,
  total: number,
  concurrency: number,
): Promise<TurnFigures> {
  const samples: number[] = [];
  const byCommand = new Map<string, number[]>();
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const user = users[i % users.length] as User;
        const activity = { ...personalActivity(user, serviceUrl.url), type: 'message', text: textFor(user, i) };
        const id = activity.id;
        const started = performance.now();
        const reply = serviceUrl.waitForReply(id);
        const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        await response.arrayBuffer();
        try {
          if (response.status >= 300) throw new Error(String(response.status));
          await reply;
          const ms = performance.now() - started;
          samples.push(ms);
          const command = activity.text.split(' ')[0] as string;
          byCommand.set(command, [...(byCommand.get(command) ?? []), ms]);
        } catch {
          failed++;
        }
      }
    }),
  );
  const p95MsByCommand = Object.fromEntries([...byCommand].map(([c, xs]) => [c, round(percentile(xs, 95))]));
  return { turns: samples.length, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), failed, p95MsByCommand };
}
