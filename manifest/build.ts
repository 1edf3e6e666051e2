/**
 * Builds the app package: fills the unified manifest (appPackage/manifest.json, the template the
 * Microsoft 365 Agents Toolkit fills too) and the classic XML add-in manifest from one configuration,
 * takes the icons from appPackage/ and zips what Teams / Microsoft 365 admin center takes.
 * Placeholders are the toolkit's `${{NAME}}`, so both fill the same file the same way.
 *
 * Output (by default in dist/appPackage):
 *   manifest.json, color.png, outline.png    the unified manifest and its icons (also in the zip)
 *   woonbegeleiding-<version>.zip            the app package to upload
 *   outlook-addin.xml                        the classic add-in manifest for partners in other tenants
 *   web/addin/assets/icon-<size>.png         the icons the add-in loads from APP_BASE_URL/addin/assets/
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { RIBBON_ICON_SIZES, ribbonIconPng } from './icons';
import type { PackageConfig } from './config';

/** Mailbox requirement set of the add-in (both manifests): 1.5 brings the pinnable pane's ItemChanged. */
export const MAILBOX_MIN_VERSION = '1.5';

/** The one source of the app package: its manifest template and icons (also the toolkit's). */
export const APP_PACKAGE_DIR = path.join(__dirname, '..', 'appPackage');
export const MANIFEST_TEMPLATE = path.join(APP_PACKAGE_DIR, 'manifest.json');
export const ADDIN_XML_TEMPLATE = path.join(__dirname, 'outlook-addin.template.xml');

/** The files the zip holds, and nothing else. */
export const ZIP_ENTRIES = ['manifest.json', 'color.png', 'outline.png'] as const;

export const zipFileName = (version: string) => `woonbegeleiding-${version}.zip`;

/** The placeholder values, `${{NAME}}` in both templates (the toolkit reads the same names from env/). */
export function templateValues(config: PackageConfig): Record<string, string> {
  const url = new URL(config.appBaseUrl);
  return {
    APP_BASE_URL: config.appBaseUrl,
    APP_HOST: url.host, // with the port, if any (the SSO resource api://host/id)
    APP_HOSTNAME: url.hostname, // without the port (Teams validDomains)
    TEAMS_APP_ID: config.teamsAppId,
    BOT_APP_ID: config.botAppId,
    ADDIN_APP_ID: config.addinAppId,
    APP_VERSION: config.version,
    XML_VERSION: `${config.version}.0`,
    PUBLISHER_NAME: config.publisherName,
    PUBLISHER_WEBSITE_URL: config.publisherWebsiteUrl,
    PRIVACY_URL: config.privacyUrl,
    TERMS_OF_USE_URL: config.termsOfUseUrl,
    MAILBOX_MIN_VERSION,
  };
}

function fill(text: string, values: Record<string, string>, escape: (value: string) => string, where: string): string {
  return text.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${where}: unknown placeholder \${{${name}}}`);
    return escape(value);
  });
}

function fillStrings(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') return fill(node, values, (v) => v, 'appPackage/manifest.json');
  if (Array.isArray(node)) return node.map((item) => fillStrings(item, values));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fillStrings(value, values)]));
  }
  return node;
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The unified manifest (a plain JSON object) for this configuration. */
export function renderManifest(config: PackageConfig): Record<string, unknown> {
  const template = JSON.parse(readFileSync(MANIFEST_TEMPLATE, 'utf8')) as unknown;
  return fillStrings(template, templateValues(config)) as Record<string, unknown>;
}

/** The classic XML add-in manifest for this configuration. */
export function renderAddinXml(config: PackageConfig): string {
  return fill(readFileSync(ADDIN_XML_TEMPLATE, 'utf8'), templateValues(config), escapeXml, 'outlook-addin.template.xml');
}

export interface AppPackage {
  outDir: string;
  zipPath: string;
  manifestPath: string;
  addinXmlPath: string;
  webAssetsDir: string;
}

/** Writes the package into `outDir` (replacing an earlier build there) and returns the paths. */
export async function buildAppPackage(config: PackageConfig, outDir: string): Promise<AppPackage> {
  mkdirSync(outDir, { recursive: true });
  // Remove what an earlier build wrote (only our own files: outDir may be any folder).
  for (const name of readdirSync(outDir)) {
    if (/^woonbegeleiding-.*\.zip$/.test(name) || (ZIP_ENTRIES as readonly string[]).includes(name) || name === 'outlook-addin.xml') {
      rmSync(path.join(outDir, name), { force: true });
    }
  }
  const webAssetsDir = path.join(outDir, 'web', 'addin', 'assets');
  if (existsSync(webAssetsDir)) rmSync(webAssetsDir, { recursive: true, force: true });
  mkdirSync(webAssetsDir, { recursive: true });

  const files: Record<(typeof ZIP_ENTRIES)[number], Buffer> = {
    'manifest.json': Buffer.from(`${JSON.stringify(renderManifest(config), null, 2)}\n`, 'utf8'),
    'color.png': readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')),
    'outline.png': readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(outDir, name), content);

  const addinXmlPath = path.join(outDir, 'outlook-addin.xml');
  writeFileSync(addinXmlPath, renderAddinXml(config), 'utf8');
  for (const size of RIBBON_ICON_SIZES) writeFileSync(path.join(webAssetsDir, `icon-${size}.png`), ribbonIconPng(size));

  const zip = new JSZip();
  // A fixed timestamp keeps the zip identical for identical input.
  const date = new Date(Date.UTC(2025, 0, 1));
  for (const name of ZIP_ENTRIES) zip.file(name, files[name], { date });
  const zipPath = path.join(outDir, zipFileName(config.version));
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));

  return { outDir, zipPath, manifestPath: path.join(outDir, 'manifest.json'), addinXmlPath, webAssetsDir };
}
