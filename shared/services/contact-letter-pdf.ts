/**
 * §3, R5: the tenant's contact letter as a one-page A4 PDF (pdfkit, pure JavaScript, maintained). The
 * content comes from the pure rule (rules/contact-letter.ts); this only lays it out. The PDF's
 * metadata names the dossier, never the tenant. The creation date is the request's moment (no clock).
 */
import PDFDocument from 'pdfkit';
import type { ContactLetter } from '../rules/contact-letter';
import type { Instant } from '../rules/types';

const MARGIN = 64; // about 2.25 cm
const BODY = 11;

export function renderContactLetterPdf(letter: ContactLetter, createdAt: Instant): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${letter.title} (${letter.reference})`, CreationDate: new Date(createdAt), ModDate: new Date(createdAt) },
    lang: 'nl-BE',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(BODY);
  for (const line of letter.recipient) doc.text(line);
  doc.moveDown(2);
  doc.text(letter.dateLine).text(letter.reference);
  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(16).text(letter.title);
  doc.moveDown();
  doc.font('Helvetica').fontSize(BODY).text(letter.greeting).moveDown(0.5).text(letter.intro);
  for (const section of letter.sections) {
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(13).text(section.heading);
    doc.font('Helvetica').fontSize(BODY).moveDown(0.3);
    for (const line of section.lines) doc.text(line).moveDown(0.2);
  }
  doc.moveDown(2);
  for (const line of letter.closing) doc.text(line);
  doc.end();
  return done;
}
