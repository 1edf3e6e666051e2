/**
 * HTML for e-mail: every value from data is escaped here (DESIGN, Security: input is untrusted and
 * escaped in HTML mail). Markup is built only from these helpers and fixed strings.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** Control characters (other than line breaks and tabs) never reach a mail, in either part. */
export const cleanText = (value: string): string => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');

/** A link only for http(s) URLs; anything else is shown as text, never as a link. */
export function link(url: string, label: string): string {
  if (!/^https?:\/\/[^\s"'<>]+$/.test(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** A paragraph of text; line breaks become <br>. */
export const paragraph = (text: string): string => `<p>${escapeHtml(cleanText(text)).replace(/\n/g, '<br>')}</p>`;

export const heading = (text: string): string => `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(text)}</h2>`;

export function list(items: readonly string[], escaped = false): string {
  return `<ul>${items.map((i) => `<li>${escaped ? i : escapeHtml(cleanText(i))}</li>`).join('')}</ul>`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (tag: 'th' | 'td', v: string) => `<${tag} style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(cleanText(v))}</${tag}>`;
  return `<table style="border-collapse:collapse">${[
    `<tr>${header.map((h) => cell('th', h)).join('')}</tr>`,
    ...rows.map((r) => `<tr>${r.map((v) => cell('td', v)).join('')}</tr>`),
  ].join('')}</table>`;
}

/** The whole document: a fixed shell around already-escaped body markup. */
export function documentOf(title: string, bodyHtml: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nl-BE">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title></head>',
    '<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.4">',
    bodyHtml,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Plain text of a simple table: columns separated by " | " (mail programs use proportional fonts). */
export const textTable = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [header, ...rows].map((r) => r.map(cleanText).join(' | ')).join('\n');

/** Readable text of an HTML mail part (a reply that has no text/plain part). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n');
}
