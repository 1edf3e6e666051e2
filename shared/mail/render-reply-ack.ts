/** R15: what became of the dossier numbers in a partner's reply (sent only to a known partner user). */
import { mailMessages as msg } from '../messages/mail';
import { list } from './html';
import { frame, textBlock, type RenderedMail } from './layout';

export type ReplyLineResult =
  | { number: string; outcome: 'created' | 'already-flagged' | 'without-problem' | 'ambiguous' | 'not-found' }
  | { number: string; outcome: 'refused'; reason: string };

export interface ReplyAckInput {
  landlord: { name: string };
  meetingDate: string;
  reference: string;
  results: readonly ReplyLineResult[];
}

function line(r: ReplyLineResult): string {
  switch (r.outcome) {
    case 'created':
      return msg.replyAckFlagged(r.number);
    case 'already-flagged':
      return msg.replyAckAlready(r.number);
    case 'without-problem':
      return msg.replyAckNoProblem(r.number);
    case 'ambiguous':
      return msg.replyAckAmbiguous(r.number);
    case 'not-found':
      return msg.replyAckNotFound(r.number);
    case 'refused':
      return msg.replyAckRefused(r.number, r.reason);
  }
}

export function renderReplyAck(input: ReplyAckInput): RenderedMail {
  const lines = input.results.map(line);
  return frame({
    subject: msg.replyAckSubject(input.meetingDate, input.reference),
    greeting: msg.greetingPerson,
    landlordName: input.landlord.name,
    reference: input.reference,
    blocks: [textBlock(msg.replyAckIntro(input.meetingDate)), { text: lines.map((l) => `- ${l}`).join('\n'), html: list(lines) }],
  });
}
