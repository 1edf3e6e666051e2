/**
 * The local mail transport: .eml files in DATA_DIR/outbox (one per key, written once, atomically),
 * listed newest first; the local inbox of .eml files; the local Teams meeting link.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutgoingMail } from '../../../shared/jobs/ports';
import { FileInbox } from '../../../shared/mail/inbox';
import { LocalMeetingProvider } from '../../../shared/mail/local-meetings';
import { parseMime } from '../../../shared/mail/mime';
import { FileOutbox, messageIdFor } from '../../../shared/mail/outbox';

const dir = () => mkdtempSync(path.join(tmpdir(), 'wb-outbox-'));
const mail = (key: string, date: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  key,
  from: { address: 'bewonerscontacten@vivendo.example', name: 'Vivendo' },
  to: ['meganb@example.com'],
  subject: `Onderwerp ${key} [WB:de-vaart:2026-11]`,
  text: 'Tekst één',
  html: '<p>Tekst &eacute;&eacute;n</p>',
  reference: '[WB:de-vaart:2026-11]',
  date,
  ...overrides,
});

describe('the file outbox', () => {
  it('writes one RFC 5322 file per key that parses back with both parts and our headers', async () => {
    const outbox = new FileOutbox(dir());
    const sent = await outbox.send(mail('mail|invitation|vivendo|de-vaart|2026-11', '2026-11-19T07:00:00+01:00'));
    expect(sent.messageId).toBe(messageIdFor('mail|invitation|vivendo|de-vaart|2026-11', 'bewonerscontacten@vivendo.example'));
    const files = readdirSync(outbox.dir);
    expect(files).toEqual([expect.stringMatching(/^mail_invitation_vivendo_de-vaart_2026-11-[0-9a-f]{12}\.eml$/)]);
    const parsed = parseMime(readFileSync(path.join(outbox.dir, files[0] as string)));
    expect(parsed.header('message-id')).toBe(sent.messageId);
    expect(parsed.header('x-wb-key')).toBe('mail|invitation|vivendo|de-vaart|2026-11');
    expect(parsed.header('x-wb-reference')).toBe('[WB:de-vaart:2026-11]');
    expect(parsed.text).toBe('Tekst één');
    expect(parsed.html).toBe('<p>Tekst &eacute;&eacute;n</p>');
  });

  it('exactly once: a second send of a key writes nothing and answers the first; findSent finds it by key', async () => {
    const outbox = new FileOutbox(dir());
    const key = 'mail|conclusions|vivendo|de-vaart|2026-11';
    const first = await outbox.send(mail(key, '2026-11-26T16:00:00+01:00'));
    const second = await outbox.send(mail(key, '2026-11-27T16:00:00+01:00', { subject: 'anders' }));
    expect(second.messageId).toBe(first.messageId);
    expect(Date.parse(second.sentAt ?? '')).toBe(Date.parse(first.sentAt ?? ''));
    expect(readdirSync(outbox.dir)).toHaveLength(1);
    expect(await outbox.findSent('x', key)).toEqual({ messageId: first.messageId, sentAt: '2026-11-26T15:00:00Z' });
    expect(await outbox.findSent('x', 'mail|other')).toBeUndefined();
  });

  it('two processes writing the same key at once: one file, never a half-written one', async () => {
    const d = dir();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => new FileOutbox(d).send(mail('mail|race', '2026-11-19T07:00:00+01:00', { text: `versie ${i}` }))));
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(readdirSync(d)).toHaveLength(1);
    expect(parseMime(readFileSync(path.join(d, readdirSync(d)[0] as string))).text).toMatch(/^versie \d$/);
  });

  it('lists the mail newest first', async () => {
    const outbox = new FileOutbox(dir());
    await outbox.send(mail('mail|b', '2026-11-19T07:00:00+01:00'));
    await outbox.send(mail('mail|c', '2026-11-26T00:00:00+01:00', { to: ['a@x.example', 'b@x.example'] }));
    await outbox.send(mail('mail|a', '2026-11-20T07:00:00+01:00'));
    const list = await outbox.list();
    expect(list.map((e) => e.key)).toEqual(['mail|c', 'mail|a', 'mail|b']);
    expect(list[0]).toMatchObject({ date: '2026-11-25T23:00:00Z', to: ['a@x.example', 'b@x.example'], reference: '[WB:de-vaart:2026-11]', from: 'bewonerscontacten@vivendo.example' });
    expect(await new FileOutbox(path.join(dir(), 'missing')).list()).toEqual([]);
  });
});

describe('the local inbox and meeting link', () => {
  it('reads replies to the mailbox within the window, oldest first; HTML-only replies as text', async () => {
    const d = dir();
    const eml = (from: string, to: string, date: string, body: string, html = false) =>
      [`From: ${from}`, `To: ${to}`, 'Subject: RE: x [WB:de-vaart:2026-11]', `Date: ${date}`, `Content-Type: text/${html ? 'html' : 'plain'}; charset=utf-8`, '', body, ''].join('\r\n');
    writeFileSync(path.join(d, '1.eml'), eml('A <a@p.example>', 'Vivendo <bewonerscontacten@vivendo.example>', 'Fri, 20 Nov 2026 10:00:00 +0100', '<p>VT-2026-001: &lt;b&gt; één<br>tweede</p>', true));
    writeFileSync(path.join(d, '2.eml'), eml('b@p.example', 'bewonerscontacten@vivendo.example', 'Fri, 20 Nov 2026 09:00:00 +0100', 'eerst'));
    writeFileSync(path.join(d, '3.eml'), eml('c@p.example', 'iemand@elders.example', 'Fri, 20 Nov 2026 09:30:00 +0100', 'niet voor ons'));
    writeFileSync(path.join(d, '4.eml'), eml('d@p.example', 'bewonerscontacten@vivendo.example', 'Sat, 21 Nov 2026 09:30:00 +0100', 'later'));
    writeFileSync(path.join(d, 'notes.txt'), 'geen mail');
    const mails = await new FileInbox(d).listSince('Bewonerscontacten@vivendo.example', '2026-11-20T00:00:00+01:00', '2026-11-20T23:59:59+01:00');
    expect(mails.map((m) => [m.from, m.text.trim()])).toEqual([
      ['b@p.example', 'eerst'],
      ['a@p.example', 'VT-2026-001: <b> één\ntweede'],
    ]);
    expect(mails[0]).toMatchObject({ id: '2.eml', receivedAt: '2026-11-20T08:00:00Z', quotedRemoved: false, autoSubmitted: false });
  });

  it('R16: a stable join link on the reserved .invalid domain', async () => {
    const meetings = new LocalMeetingProvider();
    const request = { organizer: 'x@y.example', externalId: 'wb-vivendo-de-vaart-2026-11', subject: 's', start: '2026-11-26T09:30:00+01:00', end: '2026-11-26T10:15:00+01:00' };
    expect(await meetings.ensureMeeting(request)).toEqual(await meetings.ensureMeeting(request));
    expect((await meetings.ensureMeeting(request)).joinUrl).toBe('https://teams.invalid/l/meetup-join/wb-vivendo-de-vaart-2026-11');
  });
});
