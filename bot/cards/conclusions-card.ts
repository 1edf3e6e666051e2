/**
 * R16 (with R4, R18, R19, R20): the conclusions of a consultation as the partner confirms them, and
 * the coordinator's form to record them. Shown in the partner's own conversation: dossier numbers,
 * decisions and the coordinator's summaries (person-written: TextRuns), never a tenant's name.
 */
import { botMessages } from '../../shared/messages/bot';
import type { ConclusionDecision, Consultation, IsoDate, Partner } from '../../shared/rules/types';
import {
  adaptiveCard,
  choiceInput,
  container,
  execute,
  heading,
  numberInput,
  paragraph,
  run,
  showCard,
  subCard,
  text,
  textInput,
  toggleInput,
  userText,
  withRefresh,
  type Action,
  type AdaptiveCard,
  type CardRef,
  type Element,
} from './card';
import { dateTime, longDate } from './format';
import { isLandlord, memberOf, noticeBlock, type Notice, type Viewer } from './views';

const msg = botMessages.conclusions;

export const conclusionsRef = (partnerId: string, month: string): CardRef => ({ kind: 'conclusions', partnerId, month });

/** What was decided; an extension with its new planned end when known (R2, R20). */
export function decisionText(decision: ConclusionDecision, plannedEnd?: IsoDate): string {
  return decision.kind === 'extend' ? msg.decided.extend(decision.months, plannedEnd) : msg.decided[decision.kind];
}

export interface ConclusionsCardInput {
  consultation: Consultation;
  partner: Pick<Partner, 'id' | 'name'>;
  /** Dossier id -> number, for the dossiers of the conclusions. */
  numbers: ReadonlyMap<string, string>;
  /** Dossier id -> planned end after the extension these conclusions decided (R2, R20). */
  plannedEnds?: ReadonlyMap<string, IsoDate>;
  viewer: Viewer;
  /** Display name of who confirmed (a member of the partner), when confirmed. */
  confirmedByName?: string;
  notice?: Notice;
  userIds?: readonly string[];
}

/** Confirm buttons: in the everyone view and for members of this partner, while awaiting confirmation. */
function confirmActions(input: ConclusionsCardInput): Action[] {
  const { consultation, viewer } = input;
  if (consultation.status !== 'conclusions-sent') return [];
  if (isLandlord(viewer)) return [];
  const member = memberOf(viewer);
  if (viewer.kind === 'user' && member !== consultation.partnerId) return [];
  const data = { card: conclusionsRef(consultation.partnerId, consultation.month) };
  return [
    execute(msg.confirm, 'conclusions.confirm', data, { style: 'positive' }),
    showCard(msg.confirmWithRemark, subCard([textInput('remark', msg.remarkInput, { multiline: true, required: true })], [execute(msg.confirm, 'conclusions.confirm', data)])),
  ];
}

export function conclusionsCard(input: ConclusionsCardInput): AdaptiveCard {
  const { consultation } = input;
  const body: Element[] = [
    ...noticeBlock(input.notice),
    heading(msg.title(longDate(consultation.meetingDate))),
    text(msg.partner(input.partner.name), { spacing: 'none', isSubtle: true }),
  ];
  for (const c of consultation.conclusions) {
    body.push(
      container(
        [
          text(input.numbers.get(c.dossierId) ?? '?', { weight: 'bolder' }),
          text(decisionText(c.decision, input.plannedEnds?.get(c.dossierId)), { spacing: 'none' }),
          userText(c.summary, { spacing: 'none' }),
        ],
        { separator: true, spacing: 'medium' },
      ),
    );
  }
  if (consultation.status === 'confirmed' && consultation.confirmation) {
    const who = input.confirmedByName ?? msg.someone;
    const items: Element[] = [text(msg.confirmedBy(who, dateTime(consultation.confirmation.at)), { weight: 'bolder', color: 'good' })];
    if (consultation.confirmation.remark) items.push(paragraph([run(`${msg.remark} `, { weight: 'bolder' }), run(consultation.confirmation.remark, { italic: true })]));
    body.push(container(items, { style: 'good', spacing: 'medium' }));
  } else {
    body.push(container([text(msg.awaiting(input.partner.name), { weight: 'bolder' })], { style: 'emphasis', spacing: 'medium' }));
  }
  return withRefresh(adaptiveCard(body, confirmActions(input)), conclusionsRef(consultation.partnerId, consultation.month), input.userIds);
}

// ---------------------------------------------------------------------------------------------
// The coordinator's form

export const DECISIONS: readonly ConclusionDecision['kind'][] = ['none', 'extend', 'start-contact-log', 'plan-extra-visit', 'end-positively'];

export interface FormEntry {
  dossierId: string;
  number: string;
  /** Short reasons why it is on the list (our own text). */
  reasons: string[];
  /** Checked by default: on the "to discuss" list. */
  discussed: boolean;
}

export interface ConclusionsFormInput {
  partner: Pick<Partner, 'id' | 'name'>;
  month: string;
  meetingDate: string;
  entries: FormEntry[];
  /** Values typed before a refusal, so nothing is lost. */
  values?: Record<string, string>;
  notice?: Notice;
}

/** Input ids per row: by position, since dossier ids are not ours to put in an id. */
export const formField = (index: number, field: 'on' | 'summary' | 'decision' | 'months') => `c${index}_${field}`;

export function conclusionsFormCard(input: ConclusionsFormInput): AdaptiveCard {
  const values = input.values ?? {};
  const body: Element[] = [
    ...noticeBlock(input.notice),
    heading(msg.formTitle(input.partner.name)),
    text(msg.formIntro(longDate(input.meetingDate)), { spacing: 'none' }),
  ];
  if (input.entries.length === 0) body.push(text(msg.noDossiers, { isSubtle: true }));
  input.entries.forEach((entry, i) => {
    const months = Number(values[formField(i, 'months')] ?? 3);
    body.push(
      container(
        [
          text(entry.number, { weight: 'bolder' }),
          ...(entry.reasons.length > 0 ? [text(entry.reasons.join(' · '), { isSubtle: true, spacing: 'none' })] : []),
          toggleInput(formField(i, 'on'), msg.discussed, (values[formField(i, 'on')] ?? String(entry.discussed)) === 'true'),
          textInput(formField(i, 'summary'), msg.summary, { multiline: true, ...(values[formField(i, 'summary')] ? { value: values[formField(i, 'summary')] } : {}) }),
          choiceInput(
            formField(i, 'decision'),
            msg.decision,
            DECISIONS.map((kind) => ({ title: msg.decisionLabel[kind], value: kind })),
            { value: values[formField(i, 'decision')] ?? 'none' },
          ),
          numberInput(formField(i, 'months'), msg.months, { min: 3, max: 36, value: Number.isFinite(months) ? months : 3 }),
        ],
        { separator: true, spacing: 'medium' },
      ),
    );
  });
  const actions =
    input.entries.length > 0
      ? [
          execute(
            msg.send,
            'conclusions.record',
            { card: { kind: 'conclusions-form', partnerId: input.partner.id, month: input.month }, dossierIds: input.entries.map((e) => e.dossierId) },
            { style: 'positive' },
          ),
        ]
      : [];
  return adaptiveCard(body, actions);
}
