/**
 * R16 in the load run: a partner member confirms the conclusions of its consultation. Consultations
 * awaiting confirmation ('conclusions-sent') are seeded through recordConclusions, as the coordinator
 * sends them; members then click the conclusions card's "Bevestigen" (an Action.Execute invoke to
 * POST /api/messages, as Teams sends it), and colleagues of one partner click the same consultation.
 * Afterwards every seeded consultation is counted in storage against what the clicks were answered.
 */
import { botMessages } from '../../shared/messages/bot';
import { serviceMessages } from '../../shared/messages/services';
import { nextMonth } from '../../shared/rules/calendar';
import type { AuditEntry, User, YearMonth } from '../../shared/rules/types';
import { createServiceContext, recordConclusions } from '../../shared/services';
import type { Store } from '../../shared/store';
import { personalActivity } from '../bench/bot-turns';
import { benchUsers, LANDLORD } from '../bench/world';

/** Past months with conclusions that members click (M-1 .. M-3). */
export const CLICKED_MONTHS = 3;

/**
 * The months seeded awaiting confirmation before `month` (the current one): the newest
 * CLICKED_MONTHS are clicked; one older month is never clicked, so it must stay unconfirmed.
 */
export function confirmMonths(month: YearMonth): { clicked: YearMonth[]; untouched: YearMonth } {
  const clicked = Array.from({ length: CLICKED_MONTHS }, (_, i) => nextMonth(month, -(i + 1)));
  return { clicked, untouched: nextMonth(month, -(CLICKED_MONTHS + 1)) };
}

/** R16: the coordinator sends conclusions (one dossier, decision 'none': no dossier changes) for each month. */
export async function seedAwaitingConfirmation(store: Store, seeds: { partnerId: string; dossierId: string }[], months: YearMonth[]): Promise<void> {
  const coordinator = benchUsers().find((u) => u.role === 'landlord-coordinator') as User;
  const ctx = createServiceContext({ store, landlord: LANDLORD, user: coordinator, now: new Date().toISOString() });
  await Promise.all(
    seeds.flatMap(({ partnerId, dossierId }) =>
      months.map((month) =>
        recordConclusions(ctx, { partnerId, month, conclusions: [{ dossierId, summary: 'Besproken tijdens de belastingtest', decision: { kind: 'none' } }] }),
      ),
    ),
  );
}

export type ConfirmAnswer = 'confirmed' | 'already-confirmed' | 'other';

/** The alreadyConfirmed refusal without its date. */
const ALREADY = serviceMessages.alreadyConfirmed('2000-01-01T00:00:00Z').split('(')[0] as string;

type Block = { type?: string; text?: unknown; inlines?: { text?: unknown }[]; items?: Block[] };

/** A TextBlock's text, or a RichTextBlock's runs joined. */
const textOf = (block: Block | undefined): string | undefined =>
  typeof block?.text === 'string' ? block.text : block?.inlines ? block.inlines.map((r) => (typeof r.text === 'string' ? r.text : '')).join('') : undefined;

/** What the answer card says on top (its notice: the first element, a Container), classified. */
export function answerOf(card: unknown): ConfirmAnswer {
  const first = (card as { body?: Block[] } | undefined)?.body?.[0];
  const text = first?.type === 'Container' ? textOf(first.items?.[0]) : undefined;
  if (text === botMessages.conclusions.confirmed) return 'confirmed';
  if (text?.startsWith(ALREADY)) return 'already-confirmed';
  return 'other';
}

/**
 * One click on the conclusions card's confirm button, in the user's personal chat with the bot (local
 * mode: no token; the serviceUrl must be on loopback). The answer card comes back in the HTTP body.
 */
export async function clickConfirm(botUrl: string, serviceUrl: string, user: User, partnerId: string, month: YearMonth): Promise<{ status: number; answer: ConfirmAnswer }> {
  const activity = {
    ...personalActivity(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'conclusions.confirm', data: { card: { kind: 'conclusions', partnerId, month } } }, trigger: 'manual' },
  };
  const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await response.json().catch(() => undefined)) as { statusCode?: number; value?: unknown } | undefined;
  return { status: response.status, answer: body?.statusCode === 200 ? answerOf(body.value) : 'other' };
}

/** Per consultation (`partner|month`): who clicked, and who was told "bevestigd". */
export class ClickLog {
  readonly clickers = new Map<string, Set<string>>();
  readonly told = new Map<string, Set<string>>();
  readonly answers = { confirmed: 0, repeated: 0, alreadyConfirmed: 0, other: 0 };

  record(partnerId: string, month: YearMonth, objectId: string, answer: ConfirmAnswer): void {
    const key = `${partnerId}|${month}`;
    add(this.clickers, key, objectId);
    if (answer === 'confirmed') {
      // The same user told again is the idempotent repeat (the use case answers the first confirmation).
      if (this.told.get(key)?.has(objectId)) this.answers.repeated++;
      else this.answers.confirmed++;
      add(this.told, key, objectId);
    } else if (answer === 'already-confirmed') this.answers.alreadyConfirmed++;
    else this.answers.other++;
  }
}

const add = (m: Map<string, Set<string>>, k: string, v: string) => m.set(k, (m.get(k) ?? new Set()).add(v));

export interface ConfirmCounts {
  /** Seeded consultations that got at least one click. */
  clickedConsultations: number;
  /** Seeded consultations 'confirmed' in storage. */
  confirmed: number;
  /** Clicked but not confirmed in storage. */
  confirmLost: number;
  /** Confirmed in storage without its `conclusions.confirm` audit entry. */
  confirmMissingAudit: number;
  /** More than one user told "bevestigd" for one consultation, or more than one audit entry. */
  confirmDuplicated: number;
  /** Confirmed by someone who was not told so (also: an unclicked one confirmed), or audited for another actor. */
  confirmWrong: number;
}

/**
 * Counted in storage: each seeded consultation, and the `conclusions.confirm` entries of the
 * landlord's audit log in `auditMonths` (entries without a dossier go to the log of the month of `at`).
 */
export async function countConfirmations(store: Store, seeded: { partnerId: string; month: YearMonth }[], log: ClickLog, auditMonths: YearMonth[]): Promise<ConfirmCounts> {
  const ports = store.forLandlord(LANDLORD.id);
  const audit: AuditEntry[] = (await Promise.all([...new Set(auditMonths)].map((m) => ports.audit.listWithoutDossier(m)))).flat();
  const audited = new Map<string, AuditEntry[]>();
  for (const e of audit.filter((a) => a.action === 'conclusions.confirm')) {
    const key = `${e.partnerId ?? ''}|${String(e.details?.month ?? '')}`;
    audited.set(key, [...(audited.get(key) ?? []), e]);
  }
  const counts: ConfirmCounts = { clickedConsultations: 0, confirmed: 0, confirmLost: 0, confirmMissingAudit: 0, confirmDuplicated: 0, confirmWrong: 0 };
  await Promise.all(
    seeded.map(async ({ partnerId, month }) => {
      const key = `${partnerId}|${month}`;
      const stored = await ports.consultations.get(partnerId, month);
      const by = stored?.status === 'confirmed' ? stored.confirmation?.by : undefined;
      const entries = audited.get(key) ?? [];
      const told = log.told.get(key) ?? new Set<string>();
      const clicked = (log.clickers.get(key)?.size ?? 0) > 0;
      if (clicked) counts.clickedConsultations++;
      if (by !== undefined) counts.confirmed++;
      if (clicked && by === undefined) counts.confirmLost++;
      if (by !== undefined && !told.has(by)) counts.confirmWrong++;
      if (told.size > 1) counts.confirmDuplicated += told.size - 1;
      // R16 audit: exactly one entry per confirmation, by the one who confirmed.
      if (entries.length > (by === undefined ? 0 : 1)) counts.confirmDuplicated += entries.length - (by === undefined ? 0 : 1);
      if (by !== undefined && entries.length === 0) counts.confirmMissingAudit++;
      if (by !== undefined && entries.some((e) => e.actor !== by)) counts.confirmWrong++;
    }),
  );
  return counts;
}
