/**
 * `npm run playground`: the shipped configuration is the generated one, its users are the demo
 * users with the roles the issue names, and a start that ends silently is retried once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PLAYGROUND_USERS, playgroundConfig, startPlayground } from '../../../scripts/playground';
import { demoData, PLAYGROUND_TENANT } from '../../../shared/demo/demo-data';

const root = path.resolve(__dirname, '../../..');

describe('playground configuration', () => {
  it('the checked-in .m365agentsplayground.yml is the generated one (Alex Wilber at the keyboard)', () => {
    expect(readFileSync(path.join(root, '.m365agentsplayground.yml'), 'utf8')).toBe(playgroundConfig('alex'));
  });

  it('its users are the demo users: a coordinator and members of several partners', () => {
    const demo = demoData('2025-11-20');
    const roles = PLAYGROUND_USERS.map((u) => {
      const user = demo.users.find((d) => d.objectId === u.aad && d.tenantId === PLAYGROUND_TENANT);
      return user ? `${u.name}: ${user.role}${user.partnerId ? ` ${user.partnerId}` : ''}` : `${u.name}: unknown`;
    });
    expect(roles).toEqual([
      'Alex Wilber: landlord-coordinator',
      'Megan Bowen: partner-member de-vaart',
      'Adele Vance: partner-member woonkracht',
      'Isaiah Langer: landlord-staff',
      'Patti Fernandez: partner-member de-linde',
      'Lynne Robbins: unknown',
    ]);
  });

  it('another user is at the keyboard with --as, the five others in the chats', () => {
    const config = playgroundConfig('megan');
    expect(config).toMatch(/currentUser:\n {2}id: user-id-1\n {2}name: Megan Bowen/);
    expect(config.match(/^ {2}- id: /gm)).toHaveLength(5);
    expect(config).toContain('personalChat:\n  id: personal-chat-megan');
  });
});

describe('startPlayground', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-pg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('retries once when the first start ends before it listens', async () => {
    // A stand-in for the playground: exits silently the first time, listens the second time.
    const fake = path.join(dir, 'fake-playground.js');
    const marker = path.join(dir, 'started-once');
    writeFileSync(
      fake,
      `const fs = require('fs');
       if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(0); }
       const port = process.argv[process.argv.indexOf('-p') + 1];
       console.log('Listening on ' + port);
       setInterval(() => {}, 1000);`,
    );
    const lines: string[] = [];
    const running = await startPlayground({ as: 'megan', port: 56999, dataDir: dir, cli: fake, onLine: (l) => lines.push(l) });
    try {
      expect(running.url).toBe('http://127.0.0.1:56999');
      expect(lines).toContain('De Agents Playground stopte voor hij klaar was; nog een poging.');
      expect(readFileSync(path.join(dir, 'playground', 'megan', '.m365agentsplayground.yml'), 'utf8')).toBe(playgroundConfig('megan'));
    } finally {
      await running.stop();
    }
  });

  it('gives up after the second silent exit', async () => {
    const fake = path.join(dir, 'always-exits.js');
    writeFileSync(fake, 'process.exit(0);');
    await expect(startPlayground({ as: 'alex', port: 56998, dataDir: dir, cli: fake })).rejects.toThrow('De Agents Playground kon niet starten.');
  });
});
