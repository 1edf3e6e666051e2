/**
 * Dependencies point inward (DESIGN "Shape"): the rules are pure, the services see ports only, and
 * only the adapters touch botbuilder, restify, Office.js or the Azure SDK.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Where a relative import lands, as a path from the repository root. */
const resolveFrom = (file: string, spec: string) => path.relative(root, path.resolve(root, path.dirname(file), spec));

/** The process's composition root: the only files in shared/ that wire the surfaces in. */
const COMPOSITION_ROOT = ['shared/server/main.ts', 'shared/server/web.ts'];

describe('architecture', () => {
  const rules = sourceFiles('shared/rules');

  it('finds the rules module', () => {
    expect(rules).toEqual(expect.arrayContaining(['shared/rules/calendar.ts', 'shared/rules/milestones.ts']));
  });

  it('shared/rules imports only itself, the message catalogue and pure date libraries', () => {
    const allowedPackages = new Set(['luxon', 'date-holidays']);
    const offending = rules.flatMap((file) =>
      importsOf(file)
        .filter((spec) =>
          spec.startsWith('.')
            ? !/^shared\/(rules|messages)\//.test(resolveFrom(file, spec) + '/')
            : !allowedPackages.has(spec),
        )
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('shared/rules reads no clock: time is an input', () => {
    const offending = rules.filter((file) => /Date\.now\(|new Date\(\s*\)|DateTime\.now\(|DateTime\.local\(\s*\)/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('shared/ never imports the surfaces (bot/, addin/), but for the composition root', () => {
    const offending = sourceFiles('shared').filter((file) => !COMPOSITION_ROOT.includes(file)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && /^(bot|addin)\//.test(resolveFrom(file, spec)))
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the surfaces never import each other: bot/ (Teams) and addin/ (Outlook)', () => {
    const crossing = (from: string, to: string) =>
      sourceFiles(from).flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec.startsWith('.') && resolveFrom(file, spec).startsWith(`${to}/`))
          .map((spec) => `${file} -> ${spec}`),
      );
    expect([...crossing('bot', 'addin'), ...crossing('addin', 'bot')]).toEqual([]);
  });

  it('only bot/ imports botbuilder; services import no SDK or web framework', () => {
    const everywhere = ['shared', 'addin', 'scripts'].flatMap(sourceFiles);
    const botbuilderOutsideBot = everywhere.filter((file) => importsOf(file).some((s) => s.startsWith('botbuilder')));
    expect(botbuilderOutsideBot).toEqual([]);

    const forbiddenInServices = /^(botbuilder|restify|@azure\/|@microsoft\/|node:(fs|net|http|https|child_process))/;
    const offending = sourceFiles('shared/services').flatMap((file) =>
      importsOf(file)
        .filter((spec) => forbiddenInServices.test(spec))
        .map((spec) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
