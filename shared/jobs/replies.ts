/**
 * R15 by e-mail: partners may flag dossiers by answering the invitation. Every run reads the replies
 * of the last REPLY_LOOKBACK_DAYS in the landlord's mailbox; each reply that carries our reference
 * `[WB:<partner>:<month>]` is processed once (key: its message id):
 * - from a known member of that partner: each line "<dossier number> <problem>" becomes a flag through
 *   the flag-dossier service, as that user, at the moment the reply arrived (the deadline counts from
 *   there); the sender gets one e-mail saying what became of each number;
 * - anything unclear (unknown sender, a sender the receiving server could not verify, another partner, no numbers, a number without a problem or with
 *   another on its line, a number that is not theirs, an answer to the conclusions) goes to the
 *   coordinator in Teams, never guessed.
 * Other mail is left alone: the landlord's team reads its mailbox as before. Automatic answers
 * (out of office) are ignored.
 */
import { createHash } from 'node:crypto';
import { isDomainError } from '../rules/errors';
import { monthCalendar } from '../rules/calendar';
import { flagDossier } from '../services/flag-dossier';
import { parseFlagReply } from '../mail/reply-parser';
import { formatReference, parseReference, type MailReference } from '../mail/reference';
import { renderReplyAck, type ReplyLineResult } from '../mail/render-reply-ack';
import { isMailAddress } from '../mail/mime';
import type { LandlordRun } from './context';
import { isSettled, once, sendMailOnce } from './effects';
import { jobKeys } from './keys';
import type { InboundMail, UnclearReplyReason } from './ports';
import { minusDays } from './time';

/** A later run tries again: some part of handling a reply is not settled yet. */
class NotSettled extends Error {
  constructor() {
    super('reply not settled');
    this.name = 'not-settled';
  }
}

const hashOf = (mail: InboundMail): string =>
  createHash('sha256').update(mail.internetMessageId ?? `id:${mail.id}`, 'utf8').digest('hex').slice(0, 32);

export async function repliesJob(run: LandlordRun): Promise<void> {
  const since = minusDays(run.now, run.deps.settings.replyLookbackDays);
  const own = run.from.address.toLowerCase();
  for (const mail of await run.deps.mailbox.listSince(run.from.address, since, run.now)) {
    if (mail.autoSubmitted || mail.from === own) continue;
    const reference = parseReference(mail.subject) ?? parseReference(mail.text);
    if (!reference) continue;
    const hash = hashOf(mail);
    await once(run, {
      job: 'replies',
      effect: 'reply',
      key: jobKeys.reply(run.landlord.id, hash),
      partnerId: reference.partnerId,
      month: reference.month,
      perform: () => handleReply(run, mail, reference, hash),
      detail: (r) => r,
    });
  }
}

type ReplySummary = Record<string, number>;

async function handleReply(run: LandlordRun, mail: InboundMail, reference: MailReference, hash: string): Promise<ReplySummary> {
  const partner = (await run.partners()).find((p) => p.id.toLowerCase() === reference.partnerId.toLowerCase());
  const user = (await run.users()).find((u) => u.role === 'partner-member' && u.email?.trim().toLowerCase() === mail.from);
  const who: UnclearReplyReason | undefined = !partner
    ? 'unknown-partner'
    : !user
      ? 'unknown-sender'
      : user.partnerId !== partner.id
        ? 'other-partner'
        : mail.senderVerified === false
          ? 'unverified-sender' // the receiving server says the From address is forged: never act as that user
          : undefined;
  if (who || !partner || !user) return alert(run, mail, reference, hash, [who ?? 'unknown-sender'], []);

  reference = { partnerId: partner.id, month: reference.month }; // as the partner's id is written
  const consultation = await run.ports.consultations.get(partner.id, reference.month);
  if (consultation && (consultation.status === 'conclusions-sent' || consultation.status === 'confirmed')) {
    return alert(run, mail, reference, hash, ['reply-to-conclusions'], []); // a confirmation or a remark: a person reads it
  }
  const parsed = parseFlagReply(mail.text, mail.quotedRemoved);
  if (parsed.lines.length === 0 && parsed.ambiguous.length === 0) return alert(run, mail, reference, hash, ['no-dossier-numbers'], []);

  const results: ReplyLineResult[] = [];
  const reasons = new Set<UnclearReplyReason>();
  const unclear: string[] = [];
  const notFound = (number: string) => {
    results.push({ number, outcome: 'not-found' });
    reasons.add('dossier-not-found');
    unclear.push(number);
  };
  // The reply counts at the moment it arrived (R15: "at the latest before the last Thursday").
  const ctx = run.contextAs(user, mail.receivedAt);
  for (const line of parsed.lines) {
    if (!line.problem) {
      results.push({ number: line.number, outcome: 'without-problem' });
      reasons.add('without-problem');
      unclear.push(line.number);
      continue;
    }
    const dossier = await run.ports.dossiers.getByNumber(line.number);
    if (!dossier) {
      notFound(line.number);
      continue;
    }
    try {
      const flagged = await flagDossier(ctx, { dossierId: dossier.id, problem: line.problem, month: reference.month, source: 'email' });
      results.push({ number: line.number, outcome: flagged.outcome });
    } catch (err) {
      if (!isDomainError(err)) throw err;
      if (err.code === 'not-found') notFound(line.number);
      else results.push({ number: line.number, outcome: 'refused', reason: err.message });
    }
  }
  for (const number of parsed.ambiguous) {
    results.push({ number, outcome: 'ambiguous' });
    reasons.add('without-problem');
    unclear.push(number);
  }

  let settled = true;
  if (reasons.size > 0) settled = isSettled((await alertOnce(run, mail, reference, hash, [...reasons], unclear)).outcome);
  if (isMailAddress(mail.from)) {
    const meetingDate = monthCalendar(reference.month, run.calendar).meetingDate;
    const ref = formatReference(reference);
    const ack = await sendMailOnce(run, {
      job: 'replies',
      effect: 'reply-ack',
      key: jobKeys.replyAck(run.landlord.id, hash),
      partnerId: partner.id,
      month: reference.month,
      compose: async () => ({
        to: [mail.from],
        mail: renderReplyAck({ landlord: run.landlord, meetingDate, reference: ref, results }),
        reference: ref,
        ...(mail.internetMessageId && { inReplyTo: mail.internetMessageId }),
      }),
    });
    settled = isSettled(ack.outcome) && settled;
  }
  if (!settled) throw new NotSettled();
  const count = (o: ReplyLineResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return { flagged: count('created'), already: count('already-flagged'), refused: count('refused'), unclear: unclear.length };
}

function alertOnce(run: LandlordRun, mail: InboundMail, reference: MailReference, hash: string, reasons: UnclearReplyReason[], numbers: string[]) {
  const key = jobKeys.replyAlert(run.landlord.id, hash);
  return once(run, {
    job: 'replies',
    effect: 'unclear-reply-alert',
    key,
    partnerId: reference.partnerId,
    month: reference.month,
    perform: () =>
      run.deps.teams.alertCoordinator({
        landlordId: run.landlord.id,
        key,
        at: run.now,
        alert: {
          kind: 'unclear-reply',
          reasons,
          mail: { from: mail.from, receivedAt: mail.receivedAt, ...(mail.internetMessageId && { internetMessageId: mail.internetMessageId }) },
          partnerId: reference.partnerId,
          month: reference.month,
          dossierNumbers: numbers,
        },
      }),
    detail: (r) => ({ delivered: r.delivered }),
  });
}

async function alert(run: LandlordRun, mail: InboundMail, reference: MailReference, hash: string, reasons: UnclearReplyReason[], numbers: string[]): Promise<ReplySummary> {
  const r = await alertOnce(run, mail, reference, hash, reasons, numbers);
  if (!isSettled(r.outcome)) throw new NotSettled();
  return { unclear: 1 };
}
