/**
 * Shared helpers of the app package tests: build a package into a temporary folder, read PNGs back,
 * and a small element tree over fast-xml-parser for the XML add-in manifest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildAppPackage, type AppPackage } from '../../../manifest/build';
import { loadPackageConfig, type PackageConfig } from '../../../manifest/config';

export const repositoryRoot = path.resolve(__dirname, '../../..');

/** A production-like configuration (the ids are made up, but not the demo ones). */
export const productionEnv = {
  APP_BASE_URL: 'https://woonbegeleiding.vivendo.be',
  TEAMS_APP_ID: '8d3f2c71-6a4e-4b0f-9e25-1c7a9b3e5d10',
  BOT_APP_ID: '1f4e8a92-3b6c-4d7e-8f01-2a3b4c5d6e7f',
  ADDIN_APP_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  APP_VERSION: '1.2.3',
  PUBLISHER_NAME: 'Vivendo & partners',
  PUBLISHER_WEBSITE_URL: 'https://www.vivendo.be',
  PRIVACY_URL: 'https://www.vivendo.be/privacy',
  TERMS_OF_USE_URL: 'https://www.vivendo.be/voorwaarden',
} as const;

export async function buildInTemp(env: NodeJS.ProcessEnv): Promise<{ config: PackageConfig; pkg: AppPackage }> {
  const config = loadPackageConfig(env);
  const outDir = mkdtempSync(path.join(tmpdir(), 'woonbegeleiding-package-'));
  return { config, pkg: await buildAppPackage(config, outDir) };
}

/**
 * `AppManifestUtils.validateAgainstSchema` from @microsoft/app-manifest, run in a child Node process:
 * the package requires an ESM-only dependency (strip-bom 5) that Node loads but jest cannot. It
 * validates offline when `$schema` names a schema version the package bundles. Returns the errors.
 */
export function validateAgainstBundledSchema(manifest: unknown): string[] {
  const script = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    let input = '';
    process.stdin.on('data', (chunk) => (input += chunk));
    process.stdin.on('end', () => {
      AppManifestUtils.validateAgainstSchema(JSON.parse(input)).then(
        (errors) => process.stdout.write(JSON.stringify(errors)),
        (error) => { console.error(String(error)); process.exit(3); },
      );
    });`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: repositoryRoot, input: JSON.stringify(manifest), encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`validateAgainstSchema failed (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

/** Decodes an 8-bit RGBA PNG written by manifest/png.ts (filter type 0 on every line). */
export function decodeRgbaPng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6) throw new Error('expected 8-bit RGBA');
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const line = y * (width * 4 + 1);
    if (raw[line] !== 0) throw new Error(`unexpected filter type ${raw[line]}`);
    raw.copy(pixels, y * width * 4, line + 1, line + 1 + width * 4);
  }
  return { width, height, pixels };
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?') || name === '#comment') return undefined;
  const content = (node[name] as OrderedNode[]) ?? [];
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) attrs[key.replace(/^@_/, '')] = String(value);
  return {
    name,
    attrs,
    children: content.map(toElement).filter((e): e is XmlElement => e !== undefined),
    text: content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('')
      .trim(),
  };
}

/** Parses well-formed XML into an element tree (throws on malformed XML). */
export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, commentPropName: '#comment' });
  const roots = (parser.parse(xml) as OrderedNode[]).map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0] as XmlElement;
}

/** All descendants (depth first) that match. */
export function findAll(root: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (match(e)) found.push(e);
    e.children.forEach(visit);
  };
  root.children.forEach(visit);
  return found;
}

/** The one child with this name (throws when there is none or more than one). */
export function child(parent: XmlElement, name: string): XmlElement {
  const matches = parent.children.filter((c) => c.name === name);
  if (matches.length !== 1) throw new Error(`<${parent.name}> has ${matches.length} <${name}> children, expected 1`);
  return matches[0] as XmlElement;
}

/** Follows a path of child names from `root`. */
export function at(root: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, root);
}
