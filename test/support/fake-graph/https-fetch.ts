/**
 * A `fetch` over node:https that trusts one extra CA: how the in-process tests reach the fake Graph
 * server through the real Graph client (the global fetch of Node 20 cannot be given a CA; a child
 * process with NODE_EXTRA_CA_CERTS covers that path, see graph-process.test.ts).
 */
import https from 'node:https';
import type { FetchLike } from '../../../shared/graph/client';

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const h = init?.headers;
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(h)) for (const [k, v] of h) out[k as string] = v as string;
  else Object.assign(out, h);
  return out;
}

export function httpsFetch(ca: string): FetchLike {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const body = typeof init?.body === 'string' ? init.body : init?.body ? String(init.body) : undefined;
      const request = https.request(new URL(input), { method: init?.method ?? 'GET', headers: headersOf(init), ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks);
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          const status = res.statusCode ?? 500;
          resolve(new Response(text.length === 0 || status === 204 ? null : text, { status, headers }));
        });
      });
      request.on('error', reject);
      init?.signal?.addEventListener('abort', () => request.destroy(new Error('aborted')));
      if (body !== undefined) request.write(body);
      request.end();
    });
}
