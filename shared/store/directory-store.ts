/**
 * Small, rarely written records: landlords, partners, users, absences, conversation links. Keys in
 * README.md; each list a service needs is one partition (or, for admin screens, a small table).
 */
import { odata } from '@azure/data-tables';
import type { Absence, ConversationLink, LandlordConfig, Partner, User } from '../rules/types';
import type {
  AbsenceRepository,
  ConversationRepository,
  LandlordRepository,
  PartnerRepository,
  UserRepository,
} from '../services/ports';
import { storeMessages } from '../messages/store';
import { encodePart, joinKey } from './keys';
import { Records } from './records';
import type { StoreContext } from './context';

const m = storeMessages;
const LANDLORD_PK = 'landlord';

function same<T>(fields: (keyof T)[], cur: T, next: T): T {
  for (const f of fields) if (next[f] !== cur[f]) throw new Error(`${String(f)} is immutable`);
  return next;
}

export function landlordRepository(ctx: StoreContext): LandlordRepository {
  const r = new Records<LandlordConfig>(ctx, ctx.tables.landlords, m.notFound.landlord, m.exists.landlord);
  const key = (id: string) => `landlord|${id}`;
  const cache = ctx.directory;
  return {
    get: (id) => cache.read(key(id), () => r.get(LANDLORD_PK, encodePart(id))),
    list: () => r.list(odata`PartitionKey eq ${LANDLORD_PK}`),
    create: (c) => cache.write(key(c.id), () => r.create(LANDLORD_PK, encodePart(c.id), c)),
    update: (id, mutate) => cache.write(key(id), () => r.update(LANDLORD_PK, encodePart(id), (cur) => same(['id'], cur, mutate(cur)))),
  };
}

export function userRepository(ctx: StoreContext): UserRepository {
  // landlordId as a column: the admin list filters on it.
  const r = new Records<User>(ctx, ctx.tables.users, m.notFound.user, m.exists.user, (u) => ({ landlordId: u.landlordId }));
  const pk = (tenantId: string) => joinKey(encodePart(tenantId));
  const immutable: (keyof User)[] = ['tenantId', 'objectId'];
  const key = (tenantId: string, objectId: string) => `user|${pk(tenantId)}|${encodePart(objectId)}`;
  const cache = ctx.directory;
  return {
    get: (tenantId, objectId) => cache.read(key(tenantId, objectId), () => r.get(pk(tenantId), encodePart(objectId))),
    listByTenant: (tenantId) => r.list(odata`PartitionKey eq ${pk(tenantId)}`),
    listByLandlord: (landlordId) => r.list(odata`landlordId eq ${landlordId}`),
    create: (u) => cache.write(key(u.tenantId, u.objectId), () => r.create(pk(u.tenantId), encodePart(u.objectId), u)),
    update: (tenantId, objectId, mutate) =>
      cache.write(key(tenantId, objectId), () => r.update(pk(tenantId), encodePart(objectId), (cur) => same(immutable, cur, mutate(cur)))),
    remove: (tenantId, objectId) => cache.write(key(tenantId, objectId), () => r.remove(pk(tenantId), encodePart(objectId))),
  };
}

export function partnerRepository(ctx: StoreContext, landlordId: string): PartnerRepository {
  const r = new Records<Partner>(ctx, ctx.tables.partners, m.notFound.partner, m.exists.partner);
  const pk = joinKey(encodePart(landlordId));
  const own = (p: Partner) => {
    if (p.landlordId !== landlordId) throw new Error('partner of another landlord');
    return p;
  };
  const key = (id: string) => `partner|${pk}|${encodePart(id)}`;
  const cache = ctx.directory;
  return {
    get: (id) => cache.read(key(id), () => r.get(pk, encodePart(id))),
    list: () => r.list(odata`PartitionKey eq ${pk}`),
    create: (p) => cache.write(key(p.id), () => r.create(pk, encodePart(own(p).id), p)),
    update: (id, mutate) => cache.write(key(id), () => r.update(pk, encodePart(id), (cur) => own(same(['id'], cur, mutate(cur))))),
  };
}

export function absenceRepository(ctx: StoreContext, landlordId: string): AbsenceRepository {
  const r = new Records<Absence>(ctx, ctx.tables.absences, m.notFound.absence, m.exists.record);
  const pk = (partnerId: string) => joinKey(encodePart(landlordId), encodePart(partnerId));
  return {
    create: (a) => r.create(pk(a.partnerId), encodePart(a.id), a),
    get: (partnerId, id) => r.get(pk(partnerId), encodePart(id)),
    update: (partnerId, id, mutate) => r.update(pk(partnerId), encodePart(id), (cur) => same(['id', 'partnerId'], cur, mutate(cur))),
    listByPartner: async (partnerId) =>
      (await r.list(odata`PartitionKey eq ${pk(partnerId)}`)).sort((a, b) => a.from.localeCompare(b.from)),
  };
}

export function conversationRepository(ctx: StoreContext, landlordId: string): ConversationRepository {
  // partnerId and alert as columns: "where do I post for this partner" filters inside the partition.
  const r = new Records<ConversationLink>(ctx, ctx.tables.conversations, m.notFound.conversation, m.exists.record, (c) => ({
    partnerId: c.partnerId ?? '',
    alert: c.isLandlordAlertChannel === true,
  }));
  const pk = joinKey(encodePart(landlordId));
  return {
    get: (id) => r.get(pk, encodePart(id)),
    save: (id, change, options) =>
      r.save(
        pk,
        encodePart(id),
        (cur) => {
          const next = change(cur);
          if (next.conversationId !== id) throw new Error('conversationId is immutable');
          return next;
        },
        options?.known,
      ),
    remove: (id) => r.remove(pk, encodePart(id)),
    list: () => r.list(odata`PartitionKey eq ${pk}`),
    listByPartner: (partnerId) => r.list(odata`PartitionKey eq ${pk} and partnerId eq ${partnerId}`),
    listAlertChannels: () => r.list(odata`PartitionKey eq ${pk} and alert eq ${true}`),
  };
}
