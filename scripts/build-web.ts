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
import { BUNDLE_FILE, PAGE_FILE, SIGN_IN_BUNDLE_FILE, SIGN_IN_PAGE_FILE, signInHtml, taskpaneHtml } from '../addin/web/page';
import { MEETING_BUNDLE_FILE, MEETING_PAGE_FILE, OVERVIEW_BUNDLE_FILE, OVERVIEW_PAGE_FILE, pageHtml, TAB_BUNDLE_FILE, TAB_PAGE_FILE, tabHtml } from '../bot/tab/page';
import { meetingMessages } from '../shared/messages/meeting';
import { reportMessages } from '../shared/messages/report';

const root = path.resolve(__dirname, '..');
export const WEB_OUT_DIR = path.join(root, 'dist', 'web', 'addin');
const ENTRY = path.join(root, 'addin', 'web', 'main.ts');
/** What the bundle is made of: a change here makes it stale. */
const SOURCES = [path.join(root, 'addin', 'web'), path.join(root, 'shared', 'messages')];

export interface BuildWebOptions {
  outDir?: string;
  minify?: boolean;
}

/** One web page of the product: its entry, its files, what it is made of. */
interface WebPage {
  outDir: string;
  entry: string;
  bundleFile: string;
  pageFile: string;
  html: () => string;
  /** Folders or files whose change makes the bundle stale. */
  sources: string[];
}

const ADDIN: WebPage = {
  outDir: WEB_OUT_DIR,
  entry: ENTRY,
  bundleFile: BUNDLE_FILE,
  pageFile: PAGE_FILE,
  html: taskpaneHtml,
  sources: SOURCES,
};
// The sign-in dialog's page (sign-in-dialog.js, sign-in-dialog.html), next to the task pane.
const ADDIN_SIGN_IN: WebPage = { ...ADDIN, entry: path.join(root, 'addin', 'web', 'sign-in-page.ts'), bundleFile: SIGN_IN_BUNDLE_FILE, pageFile: SIGN_IN_PAGE_FILE, html: signInHtml };
const ADDIN_PAGES = [ADDIN, ADDIN_SIGN_IN];

// The "Dossiers" page of Teams (bot/tab): dossiers.js and dossiers.html in dist/web/tab/, served at /tab/.
export const TAB_OUT_DIR = path.join(root, 'dist', 'web', 'tab');
const TAB: WebPage = {
  outDir: TAB_OUT_DIR,
  entry: path.join(root, 'bot', 'tab', 'main.ts'),
  bundleFile: TAB_BUNDLE_FILE,
  pageFile: TAB_PAGE_FILE,
  html: tabHtml,
  sources: [path.join(root, 'bot', 'tab'), path.join(root, 'shared', 'messages'), path.join(root, 'addin', 'web', 'sign-in.ts')],
};

// The meeting page (side panel, stage, browser) and the landlord's overview, next to it in dist/web/tab/.
const MEETING: WebPage = { ...TAB, entry: path.join(root, 'bot', 'tab', 'meeting-main.ts'), bundleFile: MEETING_BUNDLE_FILE, pageFile: MEETING_PAGE_FILE, html: () => pageHtml(meetingMessages.part.toDiscuss, MEETING_BUNDLE_FILE) };
const OVERVIEW: WebPage = { ...TAB, entry: path.join(root, 'bot', 'tab', 'overview-main.ts'), bundleFile: OVERVIEW_BUNDLE_FILE, pageFile: OVERVIEW_PAGE_FILE, html: () => pageHtml(reportMessages.title, OVERVIEW_BUNDLE_FILE) };
const TAB_PAGES = [TAB, MEETING, OVERVIEW];

function writeAtomically(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

async function buildPage(page: WebPage, options: BuildWebOptions): Promise<{ outDir: string; files: string[] }> {
  const outDir = options.outDir ?? page.outDir;
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [page.entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: options.minify ?? true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(outDir, page.bundleFile),
    logLevel: 'silent',
  });
  const files: string[] = [];
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    files.push(file.path);
  }
  const html = path.join(outDir, page.pageFile);
  writeAtomically(html, page.html());
  files.push(html);
  return { outDir, files };
}

function newestOf(source: string): number {
  const stat = statSync(source);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(source).map((name) => newestOf(path.join(source, name))));
}

/** Missing, or older than a source file (local mode rebuilds then). */
function pageIsStale(page: WebPage, outDir: string): boolean {
  let built: number;
  try {
    built = Math.min(statSync(path.join(outDir, page.bundleFile)).mtimeMs, statSync(path.join(outDir, page.pageFile)).mtimeMs);
  } catch {
    return true;
  }
  return page.sources.some((source) => newestOf(source) > built);
}

export async function buildWeb(options: BuildWebOptions = {}): Promise<{ outDir: string; files: string[] }> {
  const built = await Promise.all(ADDIN_PAGES.map((page) => buildPage(page, options)));
  return { outDir: built[0]?.outDir ?? options.outDir ?? WEB_OUT_DIR, files: built.flatMap((b) => b.files) };
}
export const bundleIsStale = (outDir: string = WEB_OUT_DIR): boolean => ADDIN_PAGES.some((page) => pageIsStale(page, outDir));
export async function buildTab(options: BuildWebOptions = {}): Promise<{ outDir: string; files: string[] }> {
  const built = await Promise.all(TAB_PAGES.map((page) => buildPage(page, options)));
  return { outDir: built[0]?.outDir ?? options.outDir ?? TAB_OUT_DIR, files: built.flatMap((b) => b.files) };
}
export const tabBundleIsStale = (outDir: string = TAB_OUT_DIR): boolean => TAB_PAGES.some((page) => pageIsStale(page, outDir));
/** One page of the tab (by its HTML or bundle file), when stale: local mode builds only what is asked for. */
export async function buildTabPageIfStale(file: string, outDir: string = TAB_OUT_DIR): Promise<boolean> {
  const page = TAB_PAGES.find((p) => p.pageFile === file || p.bundleFile === file);
  if (!page || !pageIsStale(page, outDir)) return false;
  await buildPage(page, { outDir });
  return true;
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
