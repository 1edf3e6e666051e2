/**
 * The task pane's files: the page at /addin/taskpane.html (the manifests' URL) and its bundle, built
 * on demand in local mode; Office.js from Microsoft's CDN, not from the product; the ribbon icons.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rawRequest, startHarness, type Harness } from './harness';

describe('task pane files, local mode', () => {
  let h: Harness;
  const webDir = mkdtempSync(path.join(tmpdir(), 'wb-pane-'));
  beforeAll(async () => {
    h = await startHarness({ mode: 'local', webDir });
  });
  afterAll(async () => {
    await h.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('builds the missing bundle on the first request and serves the page at /addin/taskpane.html', async () => {
    expect(existsSync(path.join(webDir, 'taskpane.js'))).toBe(false);
    const page = await fetch(`${h.url}/addin/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    // Scripts of its own origin and of Office.js's CDN only.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    const html = await page.text();
    expect(html).toContain('<html lang="nl-BE">');
    // Microsoft's CDN, preloaded in the head and run by the bundle: nothing waits for it.
    expect(html).toContain('<link rel="preload" href="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" as="script">');
    expect(html).not.toMatch(/<script[^>]*office\.js/);
    expect(html).toContain('<script src="taskpane.js" defer></script>');
    expect(existsSync(path.join(webDir, 'taskpane.js'))).toBe(true);

    const bundle = await fetch(`${h.url}/addin/taskpane.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('application/javascript');
    const js = await bundle.text();
    expect(js).toContain('Dossiers agenderen voor het structureel overleg');
    expect(js).not.toContain('ZodError'); // types only from the server's schemas
    expect(js).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  }, 300_000);

  it.each(['/addin/office-js/office.js', '/addin/office-js/../../package.json', '/addin/office-js/%2e%2e/%2e%2e/package.json', '/addin/office-js/..%2f..%2fpackage.json'])(
    'serves no Office.js of its own, nor anything from node_modules: %s',
    async (p) => {
      const response = await rawRequest(h.url, p, { host: new URL(h.url).host });
      expect(response.status).toBe(404);
    },
  );

  it('serves the ribbon icons the manifests name', async () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const icon = await fetch(`${h.url}/addin/assets/icon-${size}.png`);
      expect(icon.status).toBe(200);
      expect(Buffer.from(await icon.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    }
    expect((await fetch(`${h.url}/addin/assets/icon-33.png`)).status).toBe(404);
  });
});

describe('task pane files, azure mode without a build', () => {
  let h: Harness;
  const webDir = mkdtempSync(path.join(tmpdir(), 'wb-pane-'));
  beforeAll(async () => {
    h = await startHarness({ mode: 'azure', webDir });
  });
  afterAll(async () => {
    await h.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('does not build (no dev tooling in production) and answers 503 in Dutch', async () => {
    const response = await h.request('GET', '/addin/taskpane.html');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'unavailable', detail: 'Het deelvenster van Woonbegeleiding is tijdelijk niet beschikbaar. Probeer het later opnieuw.' });
    expect(existsSync(path.join(webDir, 'taskpane.js'))).toBe(false);
  });
});
