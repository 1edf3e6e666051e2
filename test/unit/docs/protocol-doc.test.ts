/**
 * docs/protocol.md is the index of the rules the code cites: it stays true both ways. Every rule id in
 * it is cited in the code and in the tests, every id the code or tests cite is in it, and each file it
 * names under a rule exists and cites that rule.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const ID = /\bR(?:\d{1,2}|-H)\b/g;

function files(dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return name === 'node_modules' ? [] : files(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const citesOf = (file: string) => new Set(read(file).match(ID) ?? []);
const citedIn = (all: string[]) => new Set(all.flatMap((file) => [...citesOf(file)]));

interface Entry {
  id: string;
  implemented: string[];
  tested: string[];
}

/** `### R15 Title` headings, each with its "Implemented:" and "Tested:" lines of back-quoted paths. */
export function parseProtocolDoc(text: string): Entry[] {
  const sections = text.split(/^### /m).slice(1);
  return sections.map((section) => {
    const id = /^(R(?:\d{1,2}|-H))\b/.exec(section)?.[1] ?? `? ${section.slice(0, 20)}`;
    const pathsOn = (label: string) => {
      const line = new RegExp(`^- ${label}: (.*)$`, 'm').exec(section)?.[1] ?? '';
      return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    };
    return { id, implemented: pathsOn('Implemented'), tested: pathsOn('Tested') };
  });
}

describe('docs/protocol.md', () => {
  const entries = parseProtocolDoc(read('docs/protocol.md'));
  const ids = entries.map((e) => e.id);
  const code = ['shared', 'bot', 'addin', 'scripts', 'bin', 'manifest'].flatMap(files);
  const tests = files('test').filter((file) => !file.startsWith('test/unit/docs/'));

  it('lists each rule once, each with where it is implemented and tested', () => {
    expect(ids.length).toBeGreaterThanOrEqual(21);
    expect(new Set(ids).size).toBe(ids.length);
    const incomplete = entries.filter((e) => e.implemented.length === 0 || e.tested.length === 0).map((e) => e.id);
    expect(incomplete).toEqual([]);
  });

  it('every id the code or the tests cite is in it', () => {
    const cited = new Set([...citedIn(code), ...citedIn(tests)]);
    expect([...cited].filter((id) => !ids.includes(id)).sort()).toEqual([]);
  });

  it('every id in it is cited in the code and in the tests', () => {
    const inCode = citedIn(code);
    const inTests = citedIn(tests);
    expect(ids.filter((id) => !inCode.has(id))).toEqual([]);
    expect(ids.filter((id) => !inTests.has(id))).toEqual([]);
  });

  it('every file named under a rule exists and cites that rule', () => {
    const wrong = entries.flatMap((e) =>
      [...e.implemented, ...e.tested].filter((file) => !existsSync(path.join(root, file)) || !citesOf(file).has(e.id)).map((file) => `${e.id}: ${file}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the parser reads a rule, and a doc missing a cited id would fail', () => {
    const sample = parseProtocolDoc('### R7 Consent\ntext\n- Implemented: `a.ts`, `b.ts`\n- Tested: `c.test.ts`\n');
    expect(sample).toEqual([{ id: 'R7', implemented: ['a.ts', 'b.ts'], tested: ['c.test.ts'] }]);
    expect(ids).toContain('R-H');
  });
});
