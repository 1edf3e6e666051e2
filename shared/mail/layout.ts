/** What every e-mail of the product shares: greeting, closing and footer, in both parts. */
import { mailMessages as msg } from '../messages/mail';
import { cleanText, documentOf, escapeHtml, paragraph } from './html';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A block of the mail in its two forms; `html` is already escaped markup. */
export interface Block {
  text: string;
  html: string;
}

export const textBlock = (text: string): Block => ({ text: cleanText(text), html: paragraph(text) });

export interface Frame {
  subject: string;
  greeting: string;
  landlordName: string;
  reference?: string;
  blocks: readonly Block[];
}

export function frame(f: Frame): RenderedMail {
  const closing = [msg.closing, msg.signature(f.landlordName)];
  const footer = [msg.automatic, ...(f.reference ? [msg.referenceLine(f.reference)] : [])];
  const text = [cleanText(f.greeting), ...f.blocks.map((b) => b.text), closing.map(cleanText).join('\n'), footer.join('\n')].join('\n\n') + '\n';
  const html = documentOf(f.subject, [
    paragraph(f.greeting),
    ...f.blocks.map((b) => b.html),
    `<p>${closing.map((c) => escapeHtml(cleanText(c))).join('<br>')}</p>`,
    `<p style="color:#666;font-size:12px">${footer.map((c) => escapeHtml(cleanText(c))).join('<br>')}</p>`,
  ].join('\n'));
  return { subject: cleanText(f.subject).replace(/\s+/g, ' ').trim(), text, html };
}
