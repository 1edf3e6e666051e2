/**
 * Loads what a card shows and renders it for a viewer: through the use cases (access checked for
 * the viewer, or as the bot for the base view of one partner's own conversation). Also finds the
 * Teams ids that get a user-specific view (refresh.userIds).
 */
import { plannedEndAfterExtension } from '../../shared/rules/milestones';
import { dossierNotFound, partnerNotFound } from '../../shared/rules/access';
import { agendaMessages } from '../../shared/messages/agenda';
import type { Agenda } from '../../shared/rules/agenda';
import type { Consultation, LandlordConfig, Partner, User, YearMonth } from '../../shared/rules/types';
import { getAgendaView, type ServiceContext } from '../../shared/services';
import { isLandlordRole, memberPartnerId } from '../../shared/services/roles';
import { agendaCard } from '../cards/agenda-card';
import type { AdaptiveCard } from '../cards/card';
import { conclusionsCard, conclusionsFormCard, type FormEntry } from '../cards/conclusions-card';
import type { Notice, Viewer } from '../cards/views';
import type { BotLink } from './conversations';
import { targetOf } from './conversations';
import { systemContext, userContext, type BotRuntime } from './runtime';

/** The context to read with: the viewer's own, or the bot's for a base view. */
export function readContext(rt: BotRuntime, landlord: LandlordConfig, viewer: Viewer): ServiceContext {
  return viewer.kind === 'user' ? userContext(rt, landlord, viewer.user) : systemContext(rt, landlord);
}

export async function loadPartnerOf(ctx: ServiceContext, partnerId: string): Promise<Partner> {
  const partner = await ctx.ports.partners.get(partnerId);
  if (!partner) throw partnerNotFound();
  return partner;
}

/**
 * A consultation as the reader may see it: the landlord any partner's, a member only its own
 * organisation's ('not-found' otherwise, like a missing one). No use case reads one yet (see report).
 */
export async function loadConsultation(ctx: ServiceContext, partnerId: string, month: YearMonth): Promise<Consultation | undefined> {
  assertReadsPartner(ctx, partnerId);
  return ctx.ports.consultations.get(partnerId, month);
}

/** The landlord reads any partner's consultations; a member only its own organisation's. */
export function assertReadsPartner(ctx: ServiceContext, partnerId: string): void {
  if (!isLandlordRole(ctx.user) && memberPartnerId(ctx.user) !== partnerId) throw partnerNotFound();
}

export interface AgendaRender {
  landlord: LandlordConfig;
  partnerId: string;
  month?: YearMonth;
  viewer: Viewer;
  notice?: Notice;
  /** What was typed in the flag form, shown again after a refusal. */
  values?: Record<string, string>;
  userIds?: readonly string[];
  /**
   * Read as this user instead of the viewer: in a shared chat the asking user must be allowed to read
   * the agenda that is then shown in everyone's view (one read, the access checked on it).
   */
  readAs?: ServiceContext;
}

export async function renderAgenda(rt: BotRuntime, input: AgendaRender): Promise<{ card: AdaptiveCard; agenda: Agenda }> {
  const ctx = input.readAs ?? readContext(rt, input.landlord, input.viewer);
  const { agenda, partner, consultation } = await getAgendaView(ctx, { partnerId: input.partnerId, ...(input.month ? { month: input.month } : {}) });
  const card = agendaCard({
    agenda,
    partner,
    landlord: input.landlord,
    ...(consultation ? { consultation } : {}),
    viewer: input.viewer,
    today: rt.today(),
    ...(input.notice ? { notice: input.notice } : {}),
    ...(input.values ? { values: input.values } : {}),
    ...(input.userIds ? { userIds: input.userIds } : {}),
  });
  return { card, agenda };
}

/** Display name of who confirmed: a member of the partner, looked up by object id. */
async function nameOf(rt: BotRuntime, landlordId: string, partner: Partner, objectId: string): Promise<string | undefined> {
  const user = await rt.services.landlordUser(landlordId, { ...(partner.m365TenantId ? { tenantId: partner.m365TenantId } : {}), objectId }, { search: true });
  return user?.displayName;
}

export interface ConclusionsRender {
  landlord: LandlordConfig;
  partnerId: string;
  month: YearMonth;
  viewer: Viewer;
  notice?: Notice;
  userIds?: readonly string[];
}

/** undefined when there are no conclusions (yet) for that consultation. */
export async function renderConclusions(rt: BotRuntime, input: ConclusionsRender): Promise<AdaptiveCard | undefined> {
  const ctx = readContext(rt, input.landlord, input.viewer);
  const consultation = await loadConsultation(ctx, input.partnerId, input.month);
  if (!consultation || (consultation.status !== 'conclusions-sent' && consultation.status !== 'confirmed')) return undefined;
  const partner = await loadPartnerOf(ctx, input.partnerId);
  const numbers = new Map<string, string>();
  const plannedEnds = new Map<string, string>();
  for (const c of consultation.conclusions) {
    const dossier = await ctx.ports.dossiers.get(c.dossierId);
    if (!dossier) throw dossierNotFound();
    numbers.set(c.dossierId, dossier.number);
    const end = c.decision.kind === 'extend' ? plannedEndAfterExtension(dossier, consultation.meetingDate, c.decision.months) : undefined;
    if (end) plannedEnds.set(c.dossierId, end);
  }
  const confirmedByName = consultation.confirmation ? await nameOf(rt, input.landlord.id, partner, consultation.confirmation.by) : undefined;
  return conclusionsCard({
    consultation,
    partner,
    numbers,
    plannedEnds,
    viewer: input.viewer,
    ...(confirmedByName ? { confirmedByName } : {}),
    ...(input.notice ? { notice: input.notice } : {}),
    ...(input.userIds ? { userIds: input.userIds } : {}),
  });
}

/** The coordinator's form: the dossiers on the list, or all of the partner's when nothing was (R14). */
export async function renderConclusionsForm(
  rt: BotRuntime,
  ctx: ServiceContext,
  input: { partnerId: string; month: YearMonth; values?: Record<string, string>; notice?: Notice },
): Promise<AdaptiveCard> {
  const { agenda, partner } = await getAgendaView(ctx, { partnerId: input.partnerId, month: input.month });
  let entries: FormEntry[] = agenda.toDiscuss.map((d) => ({
    dossierId: d.dossierId,
    number: d.number,
    reasons: [...new Set(d.reasons.map((r) => agendaMessages.reason[r.type]))],
    discussed: true,
  }));
  if (entries.length === 0) {
    entries = [...agenda.overview, ...agenda.otherTrajectories].map((d) => ({ dossierId: d.dossierId, number: d.number, reasons: [], discussed: false }));
  }
  return conclusionsFormCard({
    partner,
    month: agenda.month,
    meetingDate: agenda.calendar.meetingDate,
    entries,
    ...(input.values ? { values: input.values } : {}),
    ...(input.notice ? { notice: input.notice } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Who gets a user-specific view

interface Member {
  id?: unknown;
  aadObjectId?: unknown;
  tenantId?: unknown;
}

const MEMBERS_TTL_MS = 5 * 60_000;
const memberCache = new Map<string, { at: number; users: { teamsId: string; user: User }[] }>();

/** The known users among a conversation's members, with their Teams ids (cached a few minutes). */
export async function knownMembers(rt: BotRuntime, landlordId: string, link: BotLink): Promise<{ teamsId: string; user: User }[]> {
  const key = `${landlordId}|${link.conversationId}`;
  const cached = memberCache.get(key);
  const nowMs = rt.deps.clock().getTime();
  if (cached && nowMs - cached.at < MEMBERS_TTL_MS) return cached.users;
  const target = targetOf(link, landlordId);
  const members = target ? ((await rt.sender.members(target)) as Member[] | undefined) : undefined;
  const users: { teamsId: string; user: User }[] = [];
  for (const m of (members ?? []).slice(0, 500)) {
    if (typeof m.id !== 'string' || typeof m.aadObjectId !== 'string') continue;
    const tenantId = typeof m.tenantId === 'string' ? m.tenantId : (link.tenantId ?? '');
    const user = tenantId ? await rt.services.landlordUser(landlordId, { tenantId, objectId: m.aadObjectId }) : undefined;
    if (user) users.push({ teamsId: m.id, user });
  }
  memberCache.set(key, { at: nowMs, users });
  return users;
}

/** Teams ids that see their own view of a partner's card: the landlord's people and that partner's members. */
export async function viewUserIds(rt: BotRuntime, landlordId: string, link: BotLink, partnerId: string): Promise<string[]> {
  if (link.kind === 'personal') return [];
  const members = await knownMembers(rt, landlordId, link);
  return members.filter(({ user }) => isLandlordRole(user) || memberPartnerId(user) === partnerId).map((m) => m.teamsId);
}

export const forgetMembers = (landlordId: string, conversationId: string): boolean => memberCache.delete(`${landlordId}|${conversationId}`);
