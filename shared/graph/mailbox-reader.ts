/**
 * Replies in the landlord's mailbox through Microsoft Graph: the inbox's messages received in a time
 * window, oldest first, with `uniqueBody` as text (the reply without the quoted earlier messages) and
 * the internet headers (In-Reply-To, Auto-Submitted). Read only: the mailbox is left as it is.
 */
import type { InboundMail, MailboxReader } from '../jobs/ports';
import { senderVerification } from '../mail/inbox';
import { call, userSegment, type GraphApi } from './client';

const PAGE_SIZE = 50;
/** A bound on one run's work; what is left is read by the next run. */
const MAX_PAGES = 20;

interface GraphAddress {
  emailAddress?: { address?: string };
}

interface GraphMessage {
  id: string;
  internetMessageId?: string;
  subject?: string;
  from?: GraphAddress;
  toRecipients?: GraphAddress[];
  ccRecipients?: GraphAddress[];
  receivedDateTime: string;
  uniqueBody?: { contentType?: string; content?: string };
  internetMessageHeaders?: { name: string; value: string }[];
}

const utc = (instant: string): string => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
const addressOf = (a: GraphAddress | undefined) => a?.emailAddress?.address?.toLowerCase() ?? '';

function toInbound(m: GraphMessage): InboundMail {
  const header = (name: string) => m.internetMessageHeaders?.find((h) => h.name.toLowerCase() === name)?.value;
  const auto = header('auto-submitted');
  const inReplyTo = header('in-reply-to');
  const verified = senderVerification(header('authentication-results'));
  return {
    id: m.id,
    ...(m.internetMessageId && { internetMessageId: m.internetMessageId }),
    from: addressOf(m.from),
    to: [...(m.toRecipients ?? []), ...(m.ccRecipients ?? [])].map(addressOf).filter(Boolean),
    subject: m.subject ?? '',
    receivedAt: m.receivedDateTime,
    text: m.uniqueBody?.content ?? '',
    quotedRemoved: true,
    ...(inReplyTo && { inReplyTo }),
    autoSubmitted: (auto !== undefined && auto.toLowerCase() !== 'no') || header('x-autoreply') !== undefined,
    ...(verified !== undefined && { senderVerified: verified }),
  };
}

export class GraphMailboxReader implements MailboxReader {
  constructor(private readonly api: GraphApi) {}

  async listSince(mailbox: string, since: string, until: string): Promise<InboundMail[]> {
    const out: InboundMail[] = [];
    let next: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const request = next
        ? this.api.client.api(next)
        : this.api.client
            .api(`/users/${userSegment(mailbox)}/mailFolders/inbox/messages`)
            .filter(encodeURIComponent(`receivedDateTime ge ${utc(since)} and receivedDateTime le ${utc(until)}`))
            .orderby('receivedDateTime')
            .select(['id', 'internetMessageId', 'subject', 'from', 'toRecipients', 'ccRecipients', 'receivedDateTime', 'uniqueBody', 'internetMessageHeaders'])
            .top(PAGE_SIZE);
      const result = (await call(this.api, (signal) =>
        request.header('Prefer', 'outlook.body-content-type="text"').option('signal', signal).get(),
      )) as { value?: GraphMessage[]; '@odata.nextLink'?: string };
      out.push(...(result.value ?? []).map(toInbound));
      next = result['@odata.nextLink'];
      if (!next) break;
    }
    return out;
  }
}
