/**
 * Mail through Microsoft Graph: POST /users/{mailbox}/sendMail (JSON), saved to Sent Items. The
 * exactly-once key travels as the X-WB-Key header and as a named extended property; after a crash,
 * `findSent` looks for that property in Sent Items, the way Graph's documentation finds a sent
 * message (sendMail answers 202 without an id).
 *
 * Graph's JSON message has one body: the HTML part. Exchange derives the plain-text alternative
 * when it delivers; the .eml outbox carries both parts as rendered.
 */
import { createHash } from 'node:crypto';
import type { MailSender, OutgoingMail, SentMail } from '../jobs/ports';
import { KEY_HEADER, REFERENCE_HEADER } from '../mail/reference';
import { call, odataString, userSegment, type GraphApi } from './client';

/** A named MAPI property of the product's own property set (a fixed GUID). */
export const KEY_PROPERTY_ID = 'String {6f0e4a52-8c1b-4b8e-9a57-3d2f1c7e9b40} Name WoonbegeleidingKey';

/** sendMail gives no id: ours is derived from the key (the same as in the outbox). */
export const trackingIdFor = (key: string): string => `wb.${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}`;

export function sendMailBody(mail: OutgoingMail): unknown {
  const headers = [{ name: KEY_HEADER, value: mail.key }];
  if (mail.reference) headers.unshift({ name: REFERENCE_HEADER, value: mail.reference });
  return {
    message: {
      subject: mail.subject,
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
      internetMessageHeaders: headers,
      singleValueExtendedProperties: [{ id: KEY_PROPERTY_ID, value: mail.key }],
    },
    saveToSentItems: true,
  };
}

interface SentItem {
  id: string;
  internetMessageId?: string;
  sentDateTime?: string;
}

export class GraphMailSender implements MailSender {
  constructor(private readonly api: GraphApi) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    await call(this.api, (signal) =>
      this.api.client.api(`/users/${userSegment(mail.from.address)}/sendMail`).option('signal', signal).post(sendMailBody(mail)),
    );
    return { messageId: trackingIdFor(mail.key) };
  }

  async findSent(mailbox: string, key: string): Promise<SentMail | undefined> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(KEY_PROPERTY_ID)} and ep/value eq ${odataString(key)})`;
    const page = (await call(this.api, (signal) =>
      this.api.client
        .api(`/users/${userSegment(mailbox)}/mailFolders/sentitems/messages`)
        .filter(encodeURIComponent(filter)) // the SDK puts query values in the URL as they are
        .select(['id', 'internetMessageId', 'sentDateTime'])
        .top(1)
        .option('signal', signal)
        .get(),
    )) as { value?: SentItem[] };
    const found = page.value?.[0];
    if (!found) return undefined;
    return { messageId: found.internetMessageId ?? trackingIdFor(key), ...(found.sentDateTime && { sentAt: found.sentDateTime }) };
  }
}
