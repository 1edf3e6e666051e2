/**
 * `npm run build:web` (tsx scripts/build-web.ts [--out DIR]): bundles the Outlook add-in's task pane
 * (addin/web, React + Fluent UI) with esbuild into dist/web/addin/: taskpane.js and taskpane.html.
 * The server serves that folder at /addin/; in local mode it runs this itself when the bundle is
 * missing or older than its sources. Each file is written to a temporary name and renamed, so a
 * server reading the folder never sees half a file.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_FILE, PAGE_FILE, taskpaneHtml } from '../addin/web/page';
import { TAB_BUNDLE_FILE, TAB_PAGE_FILE, tabHtml } from '../bot/tab/page';

const root = path.resolve(__dirname, '..');
export const WEB_OUT_DIR = path.join(root, 'dist', 'web', 'addin');
const ENTRY = path.join(root, 'addin', 'web', 'main.ts');
/** What the bundle is made of: a change here makes it stale. */
const SOURCES = [path.join(root, 'addin', 'web'), path.join(root, 'shared', 'messages')];

export interface BuildWebOptions {
  outDir?: string;
  minify?: boolean;
}

function writeAtomically(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

export async function buildWeb(options: BuildWebOptions = {}): Promise<{ outDir: string; files: string[] }> {
  const outDir = options.outDir ?? WEB_OUT_DIR;
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: options.minify ?? true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(outDir, BUNDLE_FILE),
    logLevel: 'silent',
  });
  const files: string[] = [];
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    files.push(file.path);
  }
  const page = path.join(outDir, PAGE_FILE);
  writeAtomically(page, taskpaneHtml());
  files.push(page);
  return { outDir, files };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(full) : stat.mtimeMs);
  }
  return newest;
}

/** Missing, or older than a source file (local mode rebuilds then). */
export function bundleIsStale(outDir: string = WEB_OUT_DIR): boolean {
  let built: number;
  try {
    built = Math.min(statSync(path.join(outDir, BUNDLE_FILE)).mtimeMs, statSync(path.join(outDir, PAGE_FILE)).mtimeMs);
  } catch {
    return true;
  }
  return SOURCES.some((dir) => newestSource(dir) > built);
}

// ---------------------------------------------------------------------------------------------
// The "Dossiers" page of Teams (bot/tab): dossiers.js and dossiers.html in dist/web/tab/, served at /tab/.

export const TAB_OUT_DIR = path.join(root, 'dist', 'web', 'tab');
const TAB_ENTRY = path.join(root, 'bot', 'tab', 'main.ts');
const TAB_SOURCES = [path.join(root, 'bot', 'tab'), path.join(root, 'shared', 'messages'), path.join(root, 'addin', 'web', 'sign-in.ts')];

export async function buildTab(options: BuildWebOptions = {}): Promise<{ outDir: string; files: string[] }> {
  const outDir = options.outDir ?? TAB_OUT_DIR;
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [TAB_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: options.minify ?? true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(outDir, TAB_BUNDLE_FILE),
    logLevel: 'silent',
  });
  const files: string[] = [];
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    files.push(file.path);
  }
  const page = path.join(outDir, TAB_PAGE_FILE);
  writeAtomically(page, tabHtml());
  files.push(page);
  return { outDir, files };
}

const newestOf = (source: string): number => (statSync(source).isDirectory() ? newestSource(source) : statSync(source).mtimeMs);

/** The tab's bundle is missing, or older than a source file. */
export function tabBundleIsStale(outDir: string = TAB_OUT_DIR): boolean {
  let built: number;
  try {
    built = Math.min(statSync(path.join(outDir, TAB_BUNDLE_FILE)).mtimeMs, statSync(path.join(outDir, TAB_PAGE_FILE)).mtimeMs);
  } catch {
    return true;
  }
  return TAB_SOURCES.some((source) => newestOf(source) > built);
}

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const outDir = i === -1 ? undefined : path.resolve(process.argv[i + 1] ?? '.');
  // --out names the add-in's folder; the tab goes next to it (dist/web/tab by default).
  Promise.all([buildWeb(outDir ? { outDir } : {}), buildTab(outDir ? { outDir: path.join(path.dirname(outDir), 'tab') } : {})]).then(
    (built) => console.log(built.flatMap(({ files }) => files).map((f) => path.relative(process.cwd(), f)).join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
