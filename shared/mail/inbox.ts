/**
 * The local mailbox: .eml files dropped into DATA_DIR/inbox (saved from any mail program, or written
 * by hand) stand for the replies that arrive in the landlord's mailbox.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Instant } from '../rules/types';
import type { InboundMail, MailboxReader } from '../jobs/ports';
import { filesIn } from './files';
import { htmlToText } from './html';
import { addressesIn, instantOfMailDate, parseMime } from './mime';

/** RFC 3834 and the older conventions of auto-responders. */
export function isAutoSubmitted(header: (name: string) => string | undefined): boolean {
  const auto = header('auto-submitted');
  if (auto && auto.toLowerCase() !== 'no') return true;
  if (header('x-autoreply') || header('x-autorespond')) return true;
  return /^(auto_reply|auto-reply|bulk|junk)$/i.test(header('precedence') ?? '');
}

/** From Authentication-Results: pass → true, fail → false, nothing said → undefined. */
export function senderVerification(authenticationResults: string | undefined): boolean | undefined {
  if (!authenticationResults) return undefined;
  if (/\b(dmarc|compauth)=pass\b/i.test(authenticationResults)) return true;
  if (/\b(dmarc|compauth)=(fail|softfail|permerror)\b/i.test(authenticationResults)) return false;
  return undefined;
}

const verified = (v: boolean | undefined) => (v === undefined ? {} : { senderVerified: v });

export class FileInbox implements MailboxReader {
  constructor(readonly dir: string) {}

  async listSince(mailbox: string, since: Instant, until: Instant): Promise<InboundMail[]> {
    const from = Date.parse(since);
    const to = Date.parse(until);
    const box = mailbox.toLowerCase();
    const out: InboundMail[] = [];
    for (const file of await filesIn(this.dir, 'eml')) {
      const full = path.join(this.dir, file);
      const parsed = parseMime(await fs.readFile(full));
      const receivedAt = instantOfMailDate(parsed.header('date')) ?? (await fs.stat(full)).mtime.toISOString();
      const at = Date.parse(receivedAt);
      if (at < from || at > to) continue;
      const recipients = [...addressesIn(parsed.header('to')), ...addressesIn(parsed.header('cc'))];
      if (!recipients.includes(box)) continue;
      const internetMessageId = parsed.header('message-id');
      const inReplyTo = parsed.header('in-reply-to');
      out.push({
        id: file,
        ...(internetMessageId && { internetMessageId }),
        from: addressesIn(parsed.header('from'))[0] ?? '',
        to: recipients,
        subject: parsed.header('subject') ?? '',
        receivedAt,
        text: parsed.text ?? (parsed.html ? htmlToText(parsed.html) : ''),
        quotedRemoved: false,
        ...(inReplyTo && { inReplyTo }),
        autoSubmitted: isAutoSubmitted(parsed.header),
        ...verified(senderVerification(parsed.header('authentication-results'))),
      });
    }
    return out.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  }
}
