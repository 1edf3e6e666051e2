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

/**
 * The composition roots: the process (npm start) and the command's store. Only they wire the
 * surfaces together and open the store; everything else gets its ports handed in.
 */
const COMPOSITION_ROOT = ['shared/server/main.ts', 'shared/server/web.ts', 'shared/cli/connect.ts', 'bot/cli/post-agendas.ts'];

/** The surfaces: each calls the services, none imports another (but its published contract). */
const SURFACES = ['shared/api', 'bot', 'addin', 'shared/jobs', 'shared/cli'];

/** What one surface may use of another: the API's schemas (the pages' contract) and the jobs' public face. */
const CONTRACTS = /^shared\/api\/([a-z-]+-)?schemas?\.ts$|^shared\/api\/schema-parts\.ts$|^shared\/jobs\/index\.ts$/;

/** Relative imports of the files under `dir` as [file, target], the target a path from the root (`.ts` added when it is a file). */
function edgesOf(dir: string): Array<[string, string]> {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec): [string, string] => {
        const target = resolveFrom(file, spec);
        const asFile = [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((candidate) => {
          try {
            return statSync(path.join(root, candidate)).isFile();
          } catch {
            return false;
          }
        });
        return [file, asFile ?? target];
      }),
  );
}

/** A use of the store in source text: `deps.store`, `rt.deps.store.users`, `store.forLandlord(...)`. */
const STORE_USE = /\bdeps\.store\b|\bstore\.(forLandlord|users|landlords|exactlyOnce)\b/g;

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const surfaceOf = (file: string) => SURFACES.filter((s) => under(file, s)).sort((a, b) => b.length - a.length)[0];

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

  it('rules <- services: the services import the rules, the message catalogue and themselves only', () => {
    const offending = edgesOf('shared/services')
      .filter(([, target]) => !['shared/services', 'shared/rules', 'shared/messages', 'shared/demo'].some((dir) => under(target, dir)))
      .map(([file, target]) => `${file} -> ${target}`);
    expect(offending).toEqual([]);
  });

  it('the store sits below the services: it implements their ports, and only a composition root opens it', () => {
    const storeImports = edgesOf('shared/store')
      .filter(([, target]) => !['shared/store', 'shared/rules', 'shared/messages'].some((dir) => under(target, dir)) && target !== 'shared/services/ports.ts')
      .map(([file, target]) => `${file} -> ${target}`);
    expect(storeImports).toEqual([]);

    const opensStore = ['shared', 'bot', 'addin']
      .flatMap(edgesOf)
      .filter(([file, target]) => under(target, 'shared/store') && !under(file, 'shared/store') && !COMPOSITION_ROOT.includes(file))
      .map(([file, target]) => `${file} -> ${target}`);
    expect(opensStore).toEqual([]);
  });

  it('the adapters (bot/, addin/, shared/api) never touch the store: no import of it, no deps.store; they call services', () => {
    const ADAPTERS = ['bot', 'addin', 'shared/api'];
    const imports = ADAPTERS.flatMap(edgesOf)
      .filter(([file, target]) => !COMPOSITION_ROOT.includes(file) && under(target, 'shared/store'))
      .map(([file, target]) => `${file} -> ${target}`);
    expect(imports).toEqual([]);
    const uses = ADAPTERS.flatMap(sourceFiles)
      .filter((file) => !COMPOSITION_ROOT.includes(file))
      .flatMap((file) => [...readFileSync(path.join(root, file), 'utf8').matchAll(STORE_USE)].map((m) => `${file}: ${m[0]}`));
    expect(uses).toEqual([]);
  });

  it('the store-use check sees a use when there is one', () => {
    // The jobs are a surface that still reads its ports from the store: the pattern must find them.
    const jobs = sourceFiles('shared/jobs').filter((file) => new RegExp(STORE_USE.source).test(readFileSync(path.join(root, file), 'utf8')));
    expect(jobs.length).toBeGreaterThan(0);
  });

  it('surfaces (api, bot, addin, jobs, cli) import services and rules, never another surface but its contract', () => {
    const offending = SURFACES.flatMap(edgesOf)
      .filter(([file, target]) => {
        const from = surfaceOf(file);
        const to = surfaceOf(target);
        return !COMPOSITION_ROOT.includes(file) && to !== undefined && to !== from && !CONTRACTS.test(target);
      })
      .map(([file, target]) => `${file} -> ${target}`);
    expect(offending).toEqual([]);
  });

  it('the dependency check sees a crossing when there is one', () => {
    // The checks above must be able to fail: the composition root does cross, and edgesOf finds it.
    const crossings = edgesOf('shared/server').filter(([, target]) => surfaceOf(target) === 'bot' || surfaceOf(target) === 'addin');
    expect(crossings.map(([file]) => file)).toEqual(expect.arrayContaining(['shared/server/web.ts']));
  });

  it('one definition per rule: status sets, roles and who sees a dossier are defined once, in shared/rules', () => {
    const NAMES = ['isRunning', 'isOpenDossier', 'OPEN_STATUSES', 'RUNNING_STATUSES', 'isLandlordRole', 'memberPartnerOf', 'partnerSeesDossier'];
    const definition = new RegExp(`^\\s*(?:export\\s+)?(?:const|function)\\s+(${NAMES.join('|')})\\b`, 'gm');
    const found = ['shared', 'bot', 'addin'].flatMap(sourceFiles).flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(definition)].map((m) => `${m[1]} in ${file}`),
    );
    expect(found.sort()).toEqual(
      [
        'OPEN_STATUSES in shared/rules/trajectory.ts',
        'RUNNING_STATUSES in shared/rules/trajectory.ts',
        'isLandlordRole in shared/rules/access.ts',
        'isOpenDossier in shared/rules/trajectory.ts',
        'isRunning in shared/rules/trajectory.ts',
        'memberPartnerOf in shared/rules/access.ts',
        'partnerSeesDossier in shared/rules/access.ts',
      ].sort(),
    );
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
