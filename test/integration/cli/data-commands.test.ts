/**
 * The CLI's data commands against the run's Azurite, each test file on tables of its own
 * (TABLE_PREFIX): seed, dossiers, import (all rows or none).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../shared/cli/main';
import { createStore } from '../../../shared/store';
import { testConnectionString, testPrefix } from '../../setup/test-store';

const prefix = testPrefix();
process.env.TABLE_PREFIX = prefix;

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const dir = mkdtempSync(path.join(tmpdir(), 'wb-import-'));
const csv = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
};
const HEADER = 'nummer;soort;huurder;adres;aanmeldende_partner;begeleidende_partner;woonbegeleider;getekend_woonbegeleider;getekend_huurder;getekend_verhuurder;toestemming_op;toestemming_scope;start_huur;verlengingen';

const store = () => createStore({ connection: { connectionString: testConnectionString() }, tablePrefix: prefix });

describe('woonbegeleiding seed / dossiers / import', () => {
  it('dossiers on an empty store says how to get data', async () => {
    const { code, err } = await run('dossiers');
    expect(code).toBe(1);
    expect(err).toContain('seed --demo');
  });

  it('seed --demo seeds once; a second run changes nothing', async () => {
    expect((await run('seed', '--demo')).out).toBe('Demogegevens gezaaid: 4 partners, 5 gebruikers, 32 dossiers.');
    expect((await run('seed', '--demo')).out).toContain('bestaat al');
    expect((await run('seed')).code).toBe(2);
    expect((await (await store()).forLandlord('vivendo').dossiers.listAll()).length).toBe(32);
  });

  it('dossiers --partner lists exactly that partner\'s dossiers, without tenant names', async () => {
    const { code, out } = await run('dossiers', '--partner', 'woonkracht', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { registeringPartnerId: string; supportingPartnerId: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.registeringPartnerId, r.supportingPartnerId]).toContain('woonkracht');
    const all = await (await store()).forLandlord('vivendo').dossiers.listAll();
    for (const d of all) expect(out).not.toContain(d.tenant.name);
    expect((await run('dossiers', '--partner', 'nergens')).err).toContain('bestaat niet');
  });

  it('R1/R20: import rejects a file with one bad row whole, with line and reason, and writes nothing', async () => {
    const file = csv('bad.csv', [
      HEADER,
      'VT-2024-301;VT;Test Een;;de-vaart;de-vaart;Sara;2024-09-01;2024-09-01;2024-09-02;2024-09-01;Woontraject;2024-10-01;',
      'VT-2024-302;VT;Test Twee;;de-vaart;de-vaart;Sara;2024-09-01;;;;;2024-10-01;',
      'VT-2024-303;VT;Test Drie;;de-vaart;de-vaart;Sara;2024-09-01;2024-09-01;2024-09-02;;;2024-10-01;4',
    ]);
    const { code, err } = await run('import', 'dossiers', file);
    expect(code).toBe(2);
    expect(err).toMatch(/^Regel 3: .*handtekeningen/m);
    expect(err).toMatch(/^Regel 4: .*veelvoud van 3/m);
    expect(err).not.toMatch(/Regel 2/);
    expect(err).toContain('Niets geïmporteerd: 2 regels zijn niet in orde.');
    expect(await (await store()).forLandlord('vivendo').dossiers.getByNumber('VT-2024-301')).toBeUndefined();
  });

  it('R3: import takes the versions of the obligation documents from their columns; an empty one is left out', async () => {
    const file = csv('documents.csv', [
      `${HEADER};versie_huurovereenkomst;versie_toelichting;versie_rio;versie_huisdierenbeleid`,
      'VT-2024-321;VT;Test Documenten;;de-vaart;de-vaart;Sara;;;;;;;;Huurcontract 2024-03;Toelichting 2023;RIO 2024;',
    ]);
    const { code, err } = await run('import', 'dossiers', file);
    expect(err).toBe('');
    expect(code).toBe(0);
    const d = await (await store()).forLandlord('vivendo').dossiers.getByNumber('VT-2024-321');
    expect(d?.documents).toEqual({ lease: 'Huurcontract 2024-03', toelichting: 'Toelichting 2023', rio: 'RIO 2024' });
  });

  it('import refuses control characters and bidi overrides in every text with the one free-text check, and writes nothing', async () => {
    const file = csv('chars.csv', [
      HEADER,
      'VT-2024-311;VT;Jan \u202ESreteep;;de-vaart;de-vaart;Sara;;;;;;;',
      'VT-2024-312;VT;Test;Straat 1\u0085;de-vaart;de-vaart;Sara;;;;;;;',
      'VT-2024-313;VT;Test;;de-vaart;de-vaart;Sara\u2066;;;;;;;',
      'VT-2024-314;VT;Test;;de-vaart;de-vaart;Sara;2024-09-01;2024-09-01;2024-09-02;2024-09-01;Alles\u0007;;',
      'VT-2024-315;VT;Ève Çelik;;de-vaart;de-vaart;Sara;;;;;;;',
    ]);
    const { code, err } = await run('import', 'dossiers', file);
    expect(code).toBe(2);
    expect(err).toMatch(/^Regel 2: .*naam van de huurder bevat een onzichtbaar stuurteken/m);
    expect(err).toMatch(/^Regel 3: .*adres van de huurder bevat een onzichtbaar stuurteken/m);
    expect(err).toMatch(/^Regel 4: .*naam van de woonbegeleider bevat een onzichtbaar stuurteken/m);
    expect(err).toMatch(/^Regel 5: .*toestemming bevat een onzichtbaar stuurteken/m);
    expect(err).not.toMatch(/Regel 6/);
    expect(await (await store()).forLandlord('vivendo').dossiers.getByNumber('VT-2024-315')).toBeUndefined();
  });

  it('import creates the dossiers through the rules, audits them, and a re-run changes nothing', async () => {
    // Several extensions share one field: quoted, since ';' also separates the fields.
    const file = csv('good.csv', [
      HEADER,
      'VT-2024-401;VT;Test Vier;Teststraat 4, 8000 Brugge;de-vaart;woonkracht;Sara;2024-09-01;2024-09-01;2024-09-02;2024-09-01;Woontraject;2024-10-01;"3;6"',
      'AW-2026-402;AW;Test Vijf;;woonkracht;woonkracht;Tom;;;;;;;',
    ]);
    const first = await run('import', 'dossiers', file);
    expect(first).toMatchObject({ code: 0, out: '2 dossiers geïmporteerd, 0 al aanwezig en ongewijzigd.' });
    const ports = (await store()).forLandlord('vivendo');
    const imported = await ports.dossiers.getByNumber('VT-2024-401');
    expect(imported).toMatchObject({ status: 'extended', leaseStart: '2024-10-01', supportingPartnerId: 'woonkracht', extensions: [{ months: 3 }, { months: 6 }] });
    expect((await ports.dossiers.getByNumber('AW-2026-402'))?.status).toBe('candidacy');
    expect((await ports.audit.listByDossier(imported?.id as string)).map((a) => a.action)).toEqual(['dossier.import']);

    const again = await run('import', 'dossiers', file);
    expect(again.out).toBe('0 dossiers geïmporteerd, 2 al aanwezig en ongewijzigd.');
    expect((await ports.audit.listByDossier(imported?.id as string)).length).toBe(1);
  });

  it('import refuses a header with unknown or missing columns', async () => {
    expect((await run('import', 'dossiers', csv('cols.csv', ['nummer;soort;huurder', 'VT-2024-501;VT;X']))).err).toContain('Kolommen ontbreken');
    expect((await run('import', 'dossiers', csv('extra.csv', [HEADER + ';geboortedatum', '']))).err).toContain('Onbekende kolommen in de kopregel: geboortedatum');
    expect((await run('import', 'dossiers', path.join(dir, 'missing.csv'))).err).toContain('kan niet gelezen worden');
  });
});
