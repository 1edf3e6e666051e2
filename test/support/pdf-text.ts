/**
 * The text of a PDF made with pdfkit's standard fonts, line by line: each content stream inflated, each
 * text object's hex strings decoded (WinAnsi, windows-1252) and joined. Small on purpose: it reads what
 * pdfkit writes, so a test can check what the letter says, not merely that bytes exist.
 */
import { inflateSync } from 'node:zlib';

const winAnsi = new TextDecoder('windows-1252');

export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = (/\/FlateDecode/.test(match[1] ?? '') ? inflateSync(bytes) : bytes).toString('latin1');
    } catch {
      continue; // not a stream we can read (a font, an image): no text there
    }
    for (const block of content.matchAll(/BT([^]*?)ET/g)) {
      const hex = [...(block[1] ?? '').matchAll(/<([0-9a-fA-F\s]*)>/g)].map((h) => (h[1] ?? '').replace(/\s/g, ''));
      const text = hex.map((h) => winAnsi.decode(Buffer.from(h, 'hex'))).join('');
      if (text.trim()) lines.push(text);
    }
  }
  return lines;
}

/** Number of pages (/Type /Page objects). */
export const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
