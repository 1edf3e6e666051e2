/**
 * The consultation reference that the landlord's invitation e-mail carries (R13), so the pane knows
 * which partner's consultation of which month a reply is about: `[WB:<partnerId>:<YYYY-MM>]`, e.g.
 * `[WB:de-vaart:2025-11]`. It goes in the subject and the body of the invitation; a reply keeps the
 * subject ("RE: ...") and quotes the body, so read mode finds it in the item and compose mode in the
 * quoted text. The mail side writes it with shared/mail/reference.ts; a test keeps the two in step.
 * Kept separate so the pane's bundle depends on nothing that may grow Node imports. Pure.
 */

export interface ConsultationReference {
  partnerId: string;
  /** YYYY-MM */
  month: string;
}

/** The characters of a partner id that the mail side accepts (shared/mail/reference.ts). */
const PARTNER_ID = '[A-Za-z0-9_.-]{1,100}';
const MONTH = '\\d{4}-(?:0[1-9]|1[0-2])';

// Lenient on the case of "WB" and on spaces: mail programs and people change them. The id is kept as
// written; the pane matches it to the user's own organisation ignoring case (target.ts).
const REFERENCE = new RegExp(`\\[\\s*WB\\s*:\\s*(${PARTNER_ID})\\s*:\\s*(${MONTH})\\s*\\]`, 'gi');

/** The reference as the invitation writes it. */
export function formatReference(reference: ConsultationReference): string {
  const text = `[WB:${reference.partnerId}:${reference.month}]`;
  if (parseReference(text) === undefined) throw new Error(`formatReference: not a valid reference: ${text}`);
  return text;
}

/** The first reference in a text, if any. */
export function parseReference(text: string): ConsultationReference | undefined {
  REFERENCE.lastIndex = 0;
  const match = REFERENCE.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { partnerId: match[1], month: match[2] };
}

/**
 * The reference of an e-mail: the subject first, then the body. In a reply the newest quoted message
 * comes first, so the first reference in the body is the latest invitation.
 */
export function findReference(texts: { subject?: string; body?: string }): ConsultationReference | undefined {
  return parseReference(texts.subject ?? '') ?? parseReference(texts.body ?? '');
}
