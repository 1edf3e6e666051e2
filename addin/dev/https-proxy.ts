/**
 * `npm run addin:https` (tsx addin/dev/https-proxy.ts): for sideloading in Outlook on the web, which
 * loads add-ins over HTTPS only. Listens on https://localhost:3978 (the app package's default
 * APP_BASE_URL) and passes everything to the local product on http://127.0.0.1:3979 (start it with
 * PORT=3979). Uses the trusted localhost certificate of `npx office-addin-dev-certs install`
 * (~/.office-addin-dev-certs/localhost.crt and .key), or HTTPS_CERT / HTTPS_KEY. Development only:
 * it listens on loopback, and the product still sees loopback requests with Host localhost.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:https';
import { homedir } from 'node:os';
import path from 'node:path';

const certDir = path.join(homedir(), '.office-addin-dev-certs');
const cert = process.env.HTTPS_CERT ?? path.join(certDir, 'localhost.crt');
const key = process.env.HTTPS_KEY ?? path.join(certDir, 'localhost.key');
const listenPort = Number(process.env.HTTPS_PORT ?? 3978);
const target = new URL(process.env.TARGET_URL ?? 'http://127.0.0.1:3979');

const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-proto': 'https' } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`The product does not answer on ${target.origin}: start it with PORT=${target.port} npm start\n`);
  });
  req.pipe(upstream);
});

server.listen(listenPort, '127.0.0.1', () => console.log(`https://localhost:${listenPort} -> ${target.origin}`));
