/**
 * The reference in every consultation e-mail, `[WB:<partnerId>:<YYYY-MM>]`: in the subject (replies
 * keep it), in the body and in the X-WB-Reference header. The Outlook add-in reads this exact form to
 * know which partner's consultation of which month a message is about.
 */
import type { YearMonth } from '../rules/types';

export interface MailReference {
  partnerId: string;
  month: YearMonth;
}

const PARTNER_ID = /^[A-Za-z0-9_.-]{1,100}$/;
// Read leniently, like the add-in (addin/web/logic/reference.ts): mail programs and people change case and spacing.
const REFERENCE = /\[\s*WB\s*:\s*([A-Za-z0-9_.-]{1,100})\s*:\s*(\d{4}-(?:0[1-9]|1[0-2]))\s*\]/i;

export function formatReference(ref: MailReference): string {
  if (!PARTNER_ID.test(ref.partnerId) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(ref.month)) throw new Error('reference: invalid partner id or month');
  return `[WB:${ref.partnerId}:${ref.month}]`;
}

/** The first reference in a text (a subject, a body), if any; the partner id as written (compare it ignoring case). */
export function parseReference(text: string | undefined): MailReference | undefined {
  const m = text ? REFERENCE.exec(text) : null;
  return m ? { partnerId: m[1] as string, month: m[2] as YearMonth } : undefined;
}

/** The custom headers that carry the reference and the exactly-once key. */
export const REFERENCE_HEADER = 'X-WB-Reference';
export const KEY_HEADER = 'X-WB-Key';
