/**
 * The checks of the coordinator's partner and user forms (one use case per file uses them): a
 * partner's general contact details (R5), its Microsoft 365 tenant (a GUID, for the allowlist), a
 * user's Entra ids (GUIDs), role and organisation. Each failure is a 'validation' DomainError that
 * names its field (the API's names: contact.phone, m365TenantId, ...).
 */
import { ROLES } from '../rules/access';
import type { MeetingMode, PartnerContact, Role } from '../rules/types';
import { serviceMessages as msg } from '../messages/services';
import type { ServiceContext } from './context';
import type { UserRepository } from './ports';
import { loadPartner } from './dossier-access';
import { invalid, optionalEmail, optionalGuid, requireEmail, requireInput, requireOneOf, requirePhone, requireText } from './validate';

export interface PartnerFields {
  name: string;
  contact: PartnerContact;
  /** Entra tenant of the organisation (the allowlist); absent when it has none (yet). */
  m365TenantId?: string;
  /** Default 'teams'. */
  meetingMode?: MeetingMode;
}

export const MEETING_MODES: readonly MeetingMode[] = ['teams', 'in-person'];

export function partnerFields(input: PartnerFields): Required<Omit<PartnerFields, 'm365TenantId'>> & { m365TenantId?: string } {
  requireInput(input);
  const name = requireText(input.name, 'name', 'organisationName');
  const contact = input.contact as Partial<PartnerContact> | undefined;
  if (typeof contact !== 'object' || contact === null) throw invalid('contact', msg.fieldMissing(msg.fieldLabel.contact));
  const phone = requirePhone(contact.phone, 'contact.phone');
  const email = requireEmail(contact.email, 'contact.email');
  const officeHours = requireText(contact.officeHours, 'contact.officeHours', 'officeHours');
  const m365TenantId = optionalGuid(input.m365TenantId, 'm365TenantId');
  const meetingMode = input.meetingMode === undefined ? 'teams' : requireOneOf(input.meetingMode, MEETING_MODES, 'meetingMode');
  return { name, contact: { phone, email, officeHours }, meetingMode, ...(m365TenantId ? { m365TenantId } : {}) };
}

/**
 * The user services also need the users (a global repository: the first lookup of every request is by
 * Entra ids, before the landlord is known). They only ever touch users of `ctx.ports.landlordId`.
 */
export interface UserAdminContext extends ServiceContext {
  readonly users: UserRepository;
}

export interface UserFields {
  displayName: string;
  email?: string;
  role: Role;
  /** Required for a partner member, refused for the landlord's roles. */
  partnerId?: string;
}

/** The checked fields of a user; the organisation of a partner member must be one of this landlord. */
export async function userFields(ctx: ServiceContext, input: UserFields): Promise<UserFields> {
  requireInput(input);
  const displayName = requireText(input.displayName, 'displayName', 'personName');
  const email = optionalEmail(input.email, 'email');
  const role = requireOneOf(input.role, ROLES, 'role');
  const partnerId = input.partnerId === undefined || input.partnerId === null || input.partnerId === '' ? undefined : requireText(input.partnerId, 'partnerId', 'id');
  if (role === 'partner-member') {
    if (!partnerId) throw invalid('partnerId', msg.partnerRequiredForMember);
    await loadPartner(ctx, partnerId).catch(() => {
      throw invalid('partnerId', msg.unknownPartner(msg.fieldLabel.partnerId));
    });
  } else if (partnerId) {
    throw invalid('partnerId', msg.partnerOnlyForMembers);
  }
  return { displayName, role, ...(email ? { email } : {}), ...(partnerId ? { partnerId } : {}) };
}
