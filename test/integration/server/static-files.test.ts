/**
 * The one static server of the task pane (/addin/) and the Teams pages (/tab/): files with their type
 * and headers, a Dutch 503 when a file cannot be served, and in local mode one build per build key
 * however many requests wait for it (never in azure mode).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import restify, { type Server } from 'restify';
import { CONTENT_TYPES, registerStaticFiles, type StaticFilesOptions } from '../../../shared/server/static-files';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
const servers: Server[] = [];

async function serve(options: Partial<StaticFilesOptions> & { webDir: string }): Promise<string> {
  const server = restify.createServer();
  registerStaticFiles(
    server,
    [
      { file: 'page.html', type: CONTENT_TYPES.html, headers: { 'content-security-policy': "script-src 'self'" } },
      { file: 'page.js', type: CONTENT_TYPES.js },
    ],
    { prefix: '/pages', local: false, logger, unavailable: 'De pagina is even niet beschikbaar.', ...options },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-static-'));
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('static files (shared/server/static-files)', () => {
  it('serves a file with its type, its headers, no-cache and nosniff', async () => {
    const webDir = folder();
    writeFileSync(path.join(webDir, 'page.html'), '<html lang="nl-BE"></html>');
    const url = await serve({ webDir });
    const res = await fetch(`${url}/pages/page.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(CONTENT_TYPES.html);
    expect(res.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<html lang="nl-BE"></html>');
  });

  it('answers 503 with the Dutch reason when the file is missing (and builds nothing outside local mode)', async () => {
    const build = jest.fn(async () => true);
    const url = await serve({ webDir: folder(), build });
    const res = await fetch(`${url}/pages/page.js`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()) as { detail: string }).toMatchObject({ detail: 'De pagina is even niet beschikbaar.' });
    expect(build).not.toHaveBeenCalled();
  });

  it('local mode: requests that arrive together wait for one build of their key', async () => {
    const webDir = folder();
    let builds = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const buildStarted = new Promise<void>((resolve) => (started = resolve));
    // Like the real builds: nothing to do when the files are there.
    const build = async () => {
      if (existsSync(path.join(webDir, 'page.js'))) return false;
      builds++;
      started();
      await held;
      writeFileSync(path.join(webDir, 'page.html'), 'html');
      writeFileSync(path.join(webDir, 'page.js'), 'js');
      return true;
    };
    const url = await serve({ webDir, local: true, build, buildKey: () => 'one build' });
    const answers = Promise.all([fetch(`${url}/pages/page.html`), fetch(`${url}/pages/page.js`), fetch(`${url}/pages/page.html`)]);
    await buildStarted;
    release();
    const statuses = (await answers).map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200]);
    // However the requests interleaved with the build: it ran once (a second concurrent one would count 2).
    expect(builds).toBe(1);
  });
});
