/**
 * What a surface (the bot, the API) gets instead of the store: the use cases that come before or
 * beside a user's request, bound to the store by `surfaceServices` (the composition root hands the
 * store to it; no file of bot/, addin/ or shared/api reaches the store itself, see the architecture
 * test). A user's request goes through `contextFor` and the use cases of this folder.
 */
import type { LandlordConfig, User } from '../rules/types';
import { activityOnce, type ActivityOnce } from './activity-once';
import { createServiceContext, type IdGenerator, type ServiceContext, type ServiceLogger } from './context';
import { findLandlordUser } from './find-landlord-user';
import { listSignInUsers, type SignInUser } from './list-sign-in-users';
import type { Notifier } from './notifier';
import type { UserAdminContext } from './organisation-input';
import type { ConversationRepository, ExactlyOnce, LandlordPorts, StorePorts } from './ports';
import { resolveUser, type ResolveUserInput, type ResolveUserResult } from './resolve-user';

export interface ContextOptions {
  now: string;
  notifier?: Notifier;
  log?: ServiceLogger;
  ids?: IdGenerator;
}

export interface SurfaceServices {
  /** resolve-user: who this is, with their landlord and organisation. */
  identify(identity: ResolveUserInput): Promise<ResolveUserResult>;
  /** One service context per request (or per system task of the bot). */
  contextFor(landlord: LandlordConfig, user: User, options: ContextOptions): ServiceContext;
  /** The user administration (create, change, remove users) for a coordinator's context. */
  userAdmin(ctx: ServiceContext): UserAdminContext;
  landlord(id: string): Promise<LandlordConfig | undefined>;
  landlords(): Promise<LandlordConfig[]>;
  /** find-landlord-user */
  landlordUser(landlordId: string, ids: { tenantId?: string; objectId: string }, options?: { search?: boolean }): Promise<User | undefined>;
  /** list-sign-in-users (local mode's development sign-in). */
  signInUsers(landlordId: string): Promise<SignInUser[]>;
  /** activity-once: an incoming Teams activity handled once. */
  activities: ActivityOnce;
  /** The keys that make an outgoing message go at most once (the Teams sender). */
  deliveryKeys: ExactlyOnce;
  /** The Teams conversation links of a landlord (the bot keeps its references and tracked cards there). */
  conversations(landlordId: string): ConversationRepository;
  /**
   * What the Teams notifier reads of a landlord to render what it posts (a signal's alert, a
   * transfer's notice): the bot's own reads, never a person's request.
   */
  systemReads(landlordId: string): LandlordPorts;
}

export function surfaceServices(deps: { store: StorePorts; readAuditWindowMs?: number }): SurfaceServices {
  const { store, readAuditWindowMs } = deps;
  return {
    identify: (identity) => resolveUser(store, identity),
    contextFor: (landlord, user, options) => createServiceContext({ store, landlord, user, ...(readAuditWindowMs !== undefined ? { readAuditWindowMs } : {}), ...options }),
    userAdmin: (ctx) => ({ ...ctx, users: store.users }),
    landlord: (id) => store.landlords.get(id),
    landlords: () => store.landlords.list(),
    landlordUser: (landlordId, ids, options) => findLandlordUser(store, landlordId, ids, options),
    signInUsers: (landlordId) => listSignInUsers(store, landlordId),
    activities: activityOnce(store.exactlyOnce),
    deliveryKeys: store.exactlyOnce,
    conversations: (landlordId) => store.forLandlord(landlordId).conversations,
    systemReads: (landlordId) => store.forLandlord(landlordId),
  };
}
