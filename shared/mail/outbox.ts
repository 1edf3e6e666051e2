/**
 * The local mail transport: every message is an RFC 5322 .eml file in DATA_DIR/outbox, named after
 * its exactly-once key and written atomically once. So a message that may have been sent before a
 * crash is found again by its key, and any mail program opens the files.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Instant } from '../rules/types';
import type { MailSender, OutgoingMail, SentMail } from '../jobs/ports';
import { exists, fileNameForKey, filesIn, writeOnce } from './files';
import { addressesIn, instantOfMailDate, parseMime, writeMime } from './mime';
import { KEY_HEADER, REFERENCE_HEADER } from './reference';

/** Our Message-ID for a key: the same key always gives the same id. */
export function messageIdFor(key: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'localhost';
  return `<wb.${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}@${domain}>`;
}

export interface OutboxEntry {
  file: string;
  date?: Instant;
  from: string;
  to: string[];
  subject: string;
  reference?: string;
  key?: string;
  messageId?: string;
}

/** The .eml text of a message, as the outbox writes it. */
export function emlOf(mail: OutgoingMail): { messageId: string; eml: string } {
  const messageId = messageIdFor(mail.key, mail.from.address);
  const headers: [string, string][] = [[KEY_HEADER, mail.key]];
  if (mail.reference) headers.unshift([REFERENCE_HEADER, mail.reference]);
  // RFC 3834: an automatic message; well-behaved auto-responders then do not answer it.
  headers.push(['Auto-Submitted', 'auto-generated'], ['Content-Language', 'nl-BE']);
  const eml = writeMime({
    from: { address: mail.from.address, ...(mail.from.name && { name: mail.from.name }) },
    to: mail.to,
    subject: mail.subject,
    date: mail.date,
    messageId,
    ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo }),
    ...(mail.references?.length && { references: mail.references }),
    headers,
    text: mail.text,
    html: mail.html,
  });
  return { messageId, eml };
}

export class FileOutbox implements MailSender {
  constructor(readonly dir: string) {}

  private fileOf(key: string): string {
    return path.join(this.dir, fileNameForKey(key, 'eml'));
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const { messageId, eml } = emlOf(mail);
    if (await writeOnce(this.fileOf(mail.key), eml)) return { messageId, sentAt: mail.date };
    // Already there: the message of this key was sent before; answer that one.
    return (await this.findSent(mail.from.address, mail.key)) ?? { messageId };
  }

  async findSent(_mailbox: string, key: string): Promise<SentMail | undefined> {
    const file = this.fileOf(key);
    if (!(await exists(file))) return undefined;
    const parsed = parseMime(await fs.readFile(file));
    const sentAt = instantOfMailDate(parsed.header('date'));
    return { messageId: parsed.header('message-id') ?? '', ...(sentAt && { sentAt }) };
  }

  /** The messages in the outbox, newest first. */
  async list(): Promise<OutboxEntry[]> {
    const names = await filesIn(this.dir, 'eml');
    const entries = await Promise.all(
      names.map(async (file): Promise<OutboxEntry> => {
        const parsed = parseMime(await fs.readFile(path.join(this.dir, file)));
        const date = instantOfMailDate(parsed.header('date'));
        const reference = parsed.header(REFERENCE_HEADER);
        const key = parsed.header(KEY_HEADER);
        const messageId = parsed.header('message-id');
        return {
          file,
          ...(date && { date }),
          from: addressesIn(parsed.header('from'))[0] ?? '',
          to: addressesIn(parsed.header('to')),
          subject: parsed.header('subject') ?? '',
          ...(reference && { reference }),
          ...(key && { key }),
          ...(messageId && { messageId }),
        };
      }),
    );
    const millis = (e: OutboxEntry) => (e.date ? Date.parse(e.date) : 0);
    return entries.sort((a, b) => millis(b) - millis(a) || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
  }
}
