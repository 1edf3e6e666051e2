/** RFC 5322 / MIME writing and reading (shared/mail/mime.ts): what any mail program must open. */
import fc from 'fast-check';
import {
  addressesIn,
  decodeEncodedWords,
  encodeQuotedPrintable,
  instantOfMailDate,
  parseMime,
  rfc5322Date,
  writeMime,
  type MimeInput,
} from '../../../shared/mail/mime';

const base: MimeInput = {
  from: { address: 'woonbegeleiding@vivendo.example', name: 'Vivendo' },
  to: ['meganb@example.com', 'team@devaart.example'],
  subject: 'Uitnodiging structureel overleg [WB:de-vaart:2026-11]',
  date: '2026-11-19T08:00:00+01:00',
  messageId: '<wb.abc@vivendo.example>',
  headers: [['X-WB-Reference', '[WB:de-vaart:2026-11]']],
  text: 'Beste collega’s,\n\nDossier VT-2025-014: één probleem = opgelost?\n',
  html: '<p>Beste collega’s,</p><p>Dossier &lt;b&gt;</p>',
};

describe('writeMime', () => {
  const eml = writeMime(base);

  it('writes CRLF lines of at most 78 characters, a Date in Brussels time and the identifying headers', () => {
    expect(eml).not.toMatch(/[^\r]\n/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(eml).toContain('Date: Thu, 19 Nov 2026 08:00:00 +0100\r\n');
    expect(eml).toContain('Message-ID: <wb.abc@vivendo.example>\r\n');
    expect(eml).toContain('From: "Vivendo" <woonbegeleiding@vivendo.example>\r\n');
    expect(eml).toContain('MIME-Version: 1.0\r\n');
    expect(eml).toMatch(/Content-Type: multipart\/alternative;\r\n boundary="wb-alt-[0-9a-f]{24}"/);
    expect(eml.match(/Content-Transfer-Encoding: quoted-printable/g)).toHaveLength(2);
  });

  it('is ASCII only: UTF-8 travels quoted-printable in the body and as encoded words in headers', () => {
    expect(/^[\x00-\x7f]*$/.test(writeMime({ ...base, subject: 'Overleg één — geagendeerd ✓' }))).toBe(true);
    expect(writeMime({ ...base, subject: 'Overleg één' })).toMatch(/Subject: =\?UTF-8\?B\?/);
  });

  it('parses back: headers, both parts, exact text', () => {
    const parsed = parseMime(eml);
    expect(parsed.header('subject')).toBe(base.subject);
    expect(parsed.header('x-wb-reference')).toBe('[WB:de-vaart:2026-11]');
    expect(addressesIn(parsed.header('to'))).toEqual(base.to);
    expect(addressesIn(parsed.header('from'))).toEqual(['woonbegeleiding@vivendo.example']);
    expect(parsed.contentType).toBe('multipart/alternative');
    expect(parsed.parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html']);
    expect(parsed.text).toBe(base.text);
    expect(parsed.html).toBe(base.html);
    expect(instantOfMailDate(parsed.header('date'))).toBe('2026-11-19T07:00:00Z');
  });

  it('refuses a line break in a header value and an invalid address (header injection)', () => {
    expect(() => writeMime({ ...base, subject: 'a\r\nBcc: x@y.example' })).toThrow();
    expect(() => writeMime({ ...base, to: ['x@y.example\r\nBcc: z@w.example'] })).toThrow();
    expect(() => writeMime({ ...base, to: ['not an address'] })).toThrow();
    expect(() => writeMime({ ...base, to: [] })).toThrow();
  });

  it('round-trips any subject and any text (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.replace(/\r/g, ''));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }).map((s) => s.replace(/[\r\n\u0000]/g, '')), text, text, (subject, plain, html) => {
        const parsed = parseMime(writeMime({ ...base, subject, text: plain, html }));
        expect(parsed.header('subject') ?? '').toBe(subject);
        expect(parsed.text).toBe(plain);
        expect(parsed.html).toBe(html);
      }),
      { numRuns: 200 },
    );
  });
});

describe('quoted-printable', () => {
  it('soft-breaks long lines at 76 and encodes trailing spaces, "=", a leading "." and "From "', () => {
    const qp = encodeQuotedPrintable(`${'x'.repeat(200)}\nend with space \n.dot\nFrom here\na=b`);
    for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(qp).toContain('end with space=20');
    expect(qp).toContain('=2Edot');
    expect(qp).toContain('=46rom here');
    expect(qp).toContain('a=3Db');
  });
});

describe('parseMime on what mail programs send', () => {
  it('reads an Outlook-like reply: multipart/mixed > alternative, base64 HTML, Latin-1 text, encoded-word subject', () => {
    const raw = [
      'From: =?iso-8859-1?Q?Megan_B=F6wen?= <MeganB@example.com>',
      'To: "Vivendo" <woonbegeleiding@vivendo.example>',
      'Subject: =?utf-8?B?UkU6IFVpdG5vZGlnaW5n?= [WB:de-vaart:2026-11]',
      'Date: Fri, 20 Nov 2026 09:15:00 +0100',
      'Message-ID: <reply-1@example.com>',
      'In-Reply-To: <wb.abc@vivendo.example>',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'VT-2025-014: huurder reageert niet op afspraken, caf=E9 gesloten',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>VT-2025-014: één</p>').toString('base64'),
      '--inner--',
      '--outer',
      'Content-Type: text/plain; name="bijlage.txt"',
      'Content-Disposition: attachment; filename="bijlage.txt"',
      '',
      'niet dit',
      '--outer--',
      '',
    ].join('\r\n');
    const parsed = parseMime(Buffer.from(raw, 'latin1'));
    expect(parsed.header('from')).toBe('Megan Böwen <MeganB@example.com>');
    expect(addressesIn(parsed.header('from'))).toEqual(['meganb@example.com']);
    expect(parsed.header('subject')).toBe('RE: Uitnodiging [WB:de-vaart:2026-11]');
    expect(parsed.text).toBe('VT-2025-014: huurder reageert niet op afspraken, café gesloten');
    expect(parsed.html).toBe('<p>VT-2025-014: één</p>');
    expect(parsed.header('in-reply-to')).toBe('<wb.abc@vivendo.example>');
  });

  it('reads a plain 8-bit message without MIME headers', () => {
    const parsed = parseMime('From: a@b.example\nSubject: hallo\n\nVT-2026-001: één\n');
    expect(parsed.text).toBe('VT-2026-001: één\n');
  });

  it('decodes encoded words, dropping the space between two of them', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?=C3=A9=C3=A9n?= =?UTF-8?B?IHR3ZWU=?= rest')).toBe('één twee rest');
  });

  it('gives a Date in Brussels time', () => {
    expect(rfc5322Date('2026-07-01T10:00:00Z')).toBe('Wed, 01 Jul 2026 12:00:00 +0200');
  });
});
