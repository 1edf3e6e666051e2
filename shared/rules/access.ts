/**
 * The access policy (DESIGN, Security): one pure decision for every read and write.
 *
 * Grants, relative to the record:
 *   landlord     the user's own landlord: every dossier and partner of it (landlord roles)
 *   visible      a dossier of the member's organisation: registering or supporting partner, and not
 *                in `formerPartnerIds` (after a completed transfer the old organisation loses access, R6)
 *   supporting   only as the dossier's current supporting partner
 *   receiving    the receiving organisation of the dossier's OPEN transfer request (R6)
 *   own-partner  the member's own organisation (actions without a dossier)
 *
 * | action              | scope    | landlord-coordinator | landlord-staff | partner-member        |
 * | ------------------- | -------- | -------------------- | -------------- | --------------------- |
 * | dossier.read        | dossier  | landlord             | landlord       | visible               |
 * | dossier.create      | landlord | landlord             | -              | -                     |
 * | dossier.sign        | dossier  | landlord             | -              | -                     |
 * | dossier.consent     | dossier  | landlord             | -              | -                     |
 * | dossier.activate    | dossier  | landlord             | -              | -                     |
 * | dossier.extend      | dossier  | landlord             | -              | -                     |
 * | dossier.close       | dossier  | landlord             | -              | -                     |
 * | transfer.request    | dossier  | -                    | -              | supporting            |
 * | transfer.cancel     | dossier  | -                    | -              | supporting            |
 * | transfer.view       | dossier  | landlord             | landlord       | visible, receiving    |
 * | transfer.decide     | dossier  | -                    | -              | receiving             |
 * | flag.create         | dossier  | landlord             | -              | visible               |
 * | flag.withdraw       | dossier  | landlord             | -              | visible               |
 * | signal.raise        | dossier  | -                    | -              | visible               |
 * | info.request        | dossier  | landlord             | landlord       | -                     |
 * | info.answer         | dossier  | -                    | -              | visible               |
 * | contactlog.write    | dossier  | -                    | -              | supporting            |
 * | visit.record        | dossier  | landlord             | landlord       | -                     |
 * | absence.report      | partner  | -                    | -              | own-partner           |
 * | conclusions.record  | partner  | landlord             | -              | -                     |
 * | conclusions.confirm | partner  | -                    | -              | own-partner           |
 * | partner.manage      | landlord | landlord             | -              | -                     |
 * | user.manage         | landlord | landlord             | -              | -                     |
 * | conversation.link   | landlord | landlord             | -              | -                     |
 * | report.read         | landlord | landlord             | landlord       | -                     |
 *
 * Refusals never leak: a dossier the user may not see answers the SAME 'not-found' error as a missing
 * id (`dossierNotFound()`), and so does any dossier or partner of another landlord. A refused action on
 * a dossier the user can see is 'forbidden'.
 *
 * R6, the receiving partner of an open transfer request: it cannot read the dossier ('dossier.read'
 * answers not-found) but may see the request itself ('transfer.view', through `transferRequestView`:
 * dossier number, kind, who hands over, when, the reason written for it, the planned end; no tenant
 * data, consent, signals or history) and decide on it ('transfer.decide'). Once it accepts, it is the
 * supporting partner and reads everything; the old organisation is then a former partner and sees
 * nothing. The state rules of a transfer (one open request, not to itself, ...) are in trajectory.ts.
 *
 * State rules (e.g. R7 consent, R1 signatures) are checked by the rule of the action, after this.
 */
import { accessMessages as msg } from '../messages/access';
import { DomainError } from './errors';
import { openTransfer, plannedEnd } from './trajectory';
import type { Dossier, IsoDate, Role, TrajectoryKind, User } from './types';

export const ACTIONS = [
  'dossier.read',
  'dossier.create',
  'dossier.sign',
  'dossier.consent',
  'dossier.activate',
  'dossier.extend',
  'dossier.close',
  'transfer.request',
  'transfer.cancel',
  'transfer.view',
  'transfer.decide',
  'flag.create',
  'flag.withdraw',
  'signal.raise',
  'info.request',
  'info.answer',
  'contactlog.write',
  'visit.record',
  'absence.report',
  'conclusions.record',
  'conclusions.confirm',
  'partner.manage',
  'user.manage',
  'conversation.link',
  'report.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLES: readonly Role[] = ['landlord-coordinator', 'landlord-staff', 'partner-member'];

/** What an action is about: one dossier, one partner organisation, or the landlord as a whole. */
export type ActionScope = 'dossier' | 'partner' | 'landlord';
export type Grant = 'landlord' | 'visible' | 'supporting' | 'receiving' | 'own-partner';

interface PolicyRow {
  scope: ActionScope;
  grants: Record<Role, readonly Grant[]>;
}

const row = (
  scope: ActionScope,
  coordinator: readonly Grant[],
  staff: readonly Grant[],
  partnerMember: readonly Grant[],
): PolicyRow => ({
  scope,
  grants: { 'landlord-coordinator': coordinator, 'landlord-staff': staff, 'partner-member': partnerMember },
});

const L = ['landlord'] as const;
const NONE = [] as const;

/** The matrix of the table above, as data. */
export const ACCESS_POLICY: Readonly<Record<Action, PolicyRow>> = {
  'dossier.read': row('dossier', L, L, ['visible']),
  'dossier.create': row('landlord', L, NONE, NONE),
  'dossier.sign': row('dossier', L, NONE, NONE),
  'dossier.consent': row('dossier', L, NONE, NONE),
  'dossier.activate': row('dossier', L, NONE, NONE),
  'dossier.extend': row('dossier', L, NONE, NONE),
  'dossier.close': row('dossier', L, NONE, NONE),
  'transfer.request': row('dossier', NONE, NONE, ['supporting']),
  'transfer.cancel': row('dossier', NONE, NONE, ['supporting']),
  'transfer.view': row('dossier', L, L, ['visible', 'receiving']),
  'transfer.decide': row('dossier', NONE, NONE, ['receiving']),
  'flag.create': row('dossier', L, NONE, ['visible']),
  'flag.withdraw': row('dossier', L, NONE, ['visible']),
  'signal.raise': row('dossier', NONE, NONE, ['visible']),
  'info.request': row('dossier', L, L, NONE), // R10, §5: every landlord role may ask
  'info.answer': row('dossier', NONE, NONE, ['visible']),
  'contactlog.write': row('dossier', NONE, NONE, ['supporting']),
  'visit.record': row('dossier', L, L, NONE),
  'absence.report': row('partner', NONE, NONE, ['own-partner']),
  'conclusions.record': row('partner', L, NONE, NONE),
  'conclusions.confirm': row('partner', NONE, NONE, ['own-partner']),
  'partner.manage': row('landlord', L, NONE, NONE),
  'user.manage': row('landlord', L, NONE, NONE),
  'conversation.link': row('landlord', L, NONE, NONE),
  'report.read': row('landlord', L, L, NONE),
};

const ACTION_LABEL: Record<Action, string> = msg.actionLabel;

// ---------------------------------------------------------------------------------------------
// Errors

/** The error for a missing dossier id, and for every dossier the user may not see. */
export const dossierNotFound = (): DomainError => new DomainError('not-found', msg.dossierNotFound);
/** The error for a missing partner, and for a partner the user may not act for. */
export const partnerNotFound = (): DomainError => new DomainError('not-found', msg.partnerNotFound);
const forbidden = (action: Action): DomainError => new DomainError('forbidden', msg.forbidden(ACTION_LABEL[action]), { action });

// ---------------------------------------------------------------------------------------------
// Who is who

/** The landlord's roles (coordinator, staff): every dossier of their landlord. */
export const isLandlordRole = (user: Pick<User, 'role'>): boolean => user.role === 'landlord-coordinator' || user.role === 'landlord-staff';
const isKnownRole = (role: unknown): role is Role => ROLES.includes(role as Role);

const hasLandlord = (user: User): boolean => typeof user.landlordId === 'string' && user.landlordId !== '';
const sameLandlord = (user: User, landlordId: string): boolean => hasLandlord(user) && user.landlordId === landlordId;

/** The organisation of a partner member; undefined for anyone else (or a member without one). */
export function memberPartnerOf(user: User): string | undefined {
  if (user.role !== 'partner-member') return undefined;
  return typeof user.partnerId === 'string' && user.partnerId !== '' ? user.partnerId : undefined;
}

/**
 * May the user read this dossier? Landlord roles: every dossier of their landlord. A partner member:
 * only as registering or supporting partner, and not after handing it over (R6). Never across landlords.
 */
export function canReadDossier(user: User, dossier: Dossier): boolean {
  if (!sameLandlord(user, dossier.landlordId)) return false;
  if (isLandlordRole(user)) return true;
  const partnerId = memberPartnerOf(user);
  return partnerId !== undefined && partnerSeesDossier(dossier, partnerId);
}

/**
 * R8/R9: may the user read this signal's description? The landlord (to whom it was passed on), the
 * organisation that raised it, and the dossier's current supporting organisation (signals follow the
 * dossier on a transfer, R6); a registering organisation that does not support the dossier does not.
 */
export function canReadSignal(user: User, dossier: Dossier, signal: { partnerId: string }): boolean {
  if (!canReadDossier(user, dossier)) return false;
  if (isLandlordRole(user)) return true;
  const partnerId = memberPartnerOf(user);
  return partnerId === signal.partnerId || partnerId === dossier.supportingPartnerId;
}

/**
 * DESIGN, Security / R6: a partner sees a dossier where it is the registering or supporting partner,
 * unless it handed the dossier over (it is then among the former partners, whatever its role on the
 * dossier). The one definition: a member's reading right (above), the agenda and flags (for a
 * partner's consultation, whoever asks) and the store's per-partner copies all use it.
 */
export const partnerSeesDossier = (dossier: Dossier, partnerId: string): boolean =>
  (dossier.registeringPartnerId === partnerId || dossier.supportingPartnerId === partnerId) && !dossier.formerPartnerIds.includes(partnerId);

/** R6: the user belongs to the organisation that an open transfer request of this dossier goes to. */
export function isReceivingPartner(user: User, dossier: Dossier): boolean {
  const partnerId = memberPartnerOf(user);
  return partnerId !== undefined && sameLandlord(user, dossier.landlordId) && openTransfer(dossier)?.toPartnerId === partnerId;
}

/** The dossiers of a list that the user may read, in the same order. */
export const visibleDossiers = (user: User, dossiers: readonly Dossier[]): Dossier[] =>
  dossiers.filter((d) => canReadDossier(user, d));

// ---------------------------------------------------------------------------------------------
// Decisions

function policyOf(action: Action): PolicyRow {
  const policy = ACCESS_POLICY[action];
  // A typo in an adapter must fail closed and loudly, not as a user error.
  if (!policy) throw new Error(`Unknown action: ${String(action)}`);
  return policy;
}

const grantsOf = (user: User, policy: PolicyRow): readonly Grant[] => (isKnownRole(user.role) ? policy.grants[user.role] : []);

function authorizeOnDossier(user: User, action: Action, policy: PolicyRow, dossier: Dossier): void {
  const grants = grantsOf(user, policy);
  const visible = canReadDossier(user, dossier);
  const receiving = isReceivingPartner(user, dossier);
  const partnerId = memberPartnerOf(user);
  const holds = (grant: Grant): boolean => {
    switch (grant) {
      case 'landlord':
        return isLandlordRole(user) && visible;
      case 'visible':
        return partnerId !== undefined && visible;
      case 'supporting':
        return partnerId !== undefined && visible && dossier.supportingPartnerId === partnerId;
      case 'receiving':
        return receiving;
      case 'own-partner':
        return false;
    }
  };
  if (grants.some(holds)) return;
  // Only who can see the dossier learns that it exists.
  throw visible ? forbidden(action) : dossierNotFound();
}

function authorizePartnerScope(user: User, action: Action, policy: PolicyRow, partnerId: string | undefined): void {
  const grants = grantsOf(user, policy);
  if (isLandlordRole(user)) {
    if (!grants.includes('landlord')) throw forbidden(action);
    return;
  }
  const own = memberPartnerOf(user);
  if (own === undefined) throw forbidden(action);
  if (partnerId !== undefined && partnerId !== own) throw partnerNotFound();
  if (!grants.includes('own-partner')) throw forbidden(action);
}

/**
 * Throws unless the user may perform `action`; returns nothing when allowed.
 * - Dossier actions need the dossier: 'not-found' (the same as a missing id) when the user may not
 *   see it, 'forbidden' when they can see it but not do this.
 * - Partner actions without `authorizeForPartner` are about the member's own organisation (landlord
 *   roles: any partner of their landlord).
 * - Landlord actions (create, manage, link) depend on the role only; when a dossier is passed (e.g.
 *   the one about to be created) it must belong to the user's landlord.
 */
export function authorize(user: User, action: Action, dossier?: Dossier): void {
  const policy = policyOf(action);
  if (policy.scope === 'dossier') {
    if (!dossier) throw new Error(`authorize: '${action}' needs the dossier it is about`);
    return authorizeOnDossier(user, action, policy, dossier);
  }
  if (dossier && !sameLandlord(user, dossier.landlordId)) throw dossierNotFound();
  if (!hasLandlord(user)) throw forbidden(action);
  if (policy.scope === 'partner') return authorizePartnerScope(user, action, policy, undefined);
  if (!grantsOf(user, policy).includes('landlord')) throw forbidden(action);
}

/**
 * For partner actions on a given organisation (e.g. confirming the conclusions of that partner's
 * consultation): a partner of another landlord, or another organisation than a member's own, is
 * 'not-found'.
 */
export function authorizeForPartner(user: User, action: Action, partner: { landlordId: string; partnerId: string }): void {
  const policy = policyOf(action);
  if (policy.scope !== 'partner') throw new Error(`authorizeForPartner: '${action}' is not a partner action`);
  if (!sameLandlord(user, partner.landlordId)) throw partnerNotFound();
  authorizePartnerScope(user, action, policy, partner.partnerId);
}

/** `authorize` as a yes/no, for menus and buttons. Programming errors still throw. */
export function isAllowed(user: User, action: Action, dossier?: Dossier): boolean {
  try {
    authorize(user, action, dossier);
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/** The dossier actions the user may take on this dossier (empty when they may not see it). */
export const allowedDossierActions = (user: User, dossier: Dossier): Action[] =>
  ACTIONS.filter((action) => ACCESS_POLICY[action].scope === 'dossier' && isAllowed(user, action, dossier));

// ---------------------------------------------------------------------------------------------
// R6 what the receiving partner sees

/** The least a receiving organisation needs to decide on a transfer: no tenant data. */
export interface TransferRequestView {
  dossierId: string;
  number: string;
  kind: TrajectoryKind;
  fromPartnerId: string;
  toPartnerId: string;
  requestedOn: IsoDate;
  /** Written by the handing-over organisation for the receiving one. */
  reason: string;
  /** R2: until when support is planned, to judge capacity. */
  plannedEnd?: IsoDate;
}

/** R6: the open transfer request of a dossier as the receiving partner may see it (after 'transfer.view'). */
export function transferRequestView(dossier: Dossier): TransferRequestView | undefined {
  const open = openTransfer(dossier);
  if (!open) return undefined;
  const end = plannedEnd(dossier);
  return {
    dossierId: dossier.id,
    number: dossier.number,
    kind: dossier.kind,
    fromPartnerId: open.fromPartnerId,
    toPartnerId: open.toPartnerId,
    requestedOn: open.requestedOn,
    reason: open.reason,
    ...(end ? { plannedEnd: end } : {}),
  };
}
