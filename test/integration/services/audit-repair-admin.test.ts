/**
 * Repair on retry for the coordinator's administration and the CLI's data tasks (DESIGN, Security:
 * "audit of every disclosure"; "nothing half-written"): a partner, a user, an imported dossier or a
 * purge stored without its entry (another partition, no one transaction) gets the entry from the
 * repeat of the same step, once. Partners and users are product administration (no PROTOCOL rule).
 */
import type { AuditEntry, Instant } from '../../../shared/rules/types';
import type { ServiceContext } from '../../../shared/services/context';
import { createPartner, type CreatePartnerInput } from '../../../shared/services/create-partner';
import { createUser, type CreateUserInput } from '../../../shared/services/create-user';
import { importDossiers, type ImportRow } from '../../../shared/services/import-dossiers';
import type { UserAdminContext } from '../../../shared/services/organisation-input';
import type { LandlordPorts } from '../../../shared/services/ports';
import { purgeClosedBefore } from '../../../shared/services/privacy-purge';
import { removeUser } from '../../../shared/services/remove-user';
import { updatePartner } from '../../../shared/services/update-partner';
import { updateUser } from '../../../shared/services/update-user';
import { auditOf, coordinator, createWorld, dossier, NOW, refusedWithoutWrites, stored, uid, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** `ports` whose first audit append fails as storage would; later ones go through. */
function auditFailsOnceIn(ports: LandlordPorts): LandlordPorts {
  let failed = false;
  const append = (entry: AuditEntry) => {
    if (failed) return ports.audit.append(entry);
    failed = true;
    return Promise.reject(new Error('storage gone'));
  };
  return { ...ports, audit: { ...ports.audit, append } };
}
const auditFailsOnce = <C extends ServiceContext>(ctx: C): C => ({ ...ctx, ports: auditFailsOnceIn(ctx.ports) });

const admin = (now: Instant = NOW): UserAdminContext => ({ ...world.ctx(coordinator, now), users: world.store.users });
/** An organisation's Entra tenant (fictional). */
const TENANT = '3f1e2d4c-5b6a-4789-9abc-def012345678';
const RETRY: Instant = '2025-11-10T10:01:00+01:00';
const THIRD: Instant = '2025-11-10T10:02:00+01:00';

const landlordLog = async (action: string, match: (e: AuditEntry) => boolean, months = ['2025-11']) =>
  (await Promise.all(months.map((m) => world.ports.audit.listWithoutDossier(m)))).flat().filter((e) => e.action === action && match(e));

const contact = { phone: '050 11 22 33', email: 'info@herstel.example', officeHours: 'ma-vr 9-12' };
let partnerCount = 0;
const partnerInput = (): CreatePartnerInput => ({ id: `herstel-${++partnerCount}`, name: `Herstel ${partnerCount}`, contact });

describe('partners (DESIGN: audit of every change; nothing half-written)', () => {
  it('create: storage failing after the partner is stored: the same create answers unchanged and writes the entry, once', async () => {
    const input = partnerInput();
    await expect(createPartner(auditFailsOnce(world.ctx(coordinator)), input)).rejects.toThrow('storage gone');
    expect(await world.ports.partners.get(input.id)).toBeDefined();
    const entries = () => landlordLog('partner.create', (e) => e.partnerId === input.id);
    expect(await entries()).toEqual([]); // the partner is stored, its entry is not

    const retry = await createPartner(world.ctx(coordinator, RETRY), input);
    expect(retry.changed).toBe(false);
    expect(await entries()).toEqual([expect.objectContaining({ at: RETRY, actor: coordinator.objectId, details: expect.objectContaining({ meetingMode: 'teams', tenant: false }) })]);

    expect((await createPartner(world.ctx(coordinator, THIRD), input)).changed).toBe(false);
    expect(await entries()).toHaveLength(1);
  });

  it('create: the id of a stored partner with other input is still refused; nothing written', async () => {
    const input = partnerInput();
    await createPartner(world.ctx(coordinator), input);
    const error = await refusedWithoutWrites(world, () => createPartner(world.ctx(coordinator, RETRY), { ...input, name: 'Iemand Anders' }));
    expect(error.code).toBe('validation');
  });

  it('update: a save that changes nothing after a logged create or change writes nothing', async () => {
    const input = partnerInput();
    await createPartner(world.ctx(coordinator), input);
    const same = { partnerId: input.id, name: input.name, contact };
    expect((await updatePartner(world.ctx(coordinator, RETRY), same)).changed).toBe(false);
    expect(await landlordLog('partner.update', (e) => e.partnerId === input.id)).toEqual([]);
    const changed = { ...same, meetingMode: 'in-person' as const };
    await updatePartner(world.ctx(coordinator, RETRY), changed);
    await updatePartner(world.ctx(coordinator, THIRD), changed);
    expect(await landlordLog('partner.update', (e) => e.partnerId === input.id)).toHaveLength(1);
  });
});

describe('users (DESIGN: audit of every change; nothing half-written)', () => {
  const userInput = (): CreateUserInput => ({ tenantId: TENANT, objectId: uid(), displayName: 'Nieuwe Medewerker', role: 'landlord-staff' });
  const ofUser = (objectId: string) => (e: AuditEntry) => e.details?.objectId === objectId;

  it('create: storage failing after the user is stored: the same create answers unchanged and writes the entry, once', async () => {
    const input = userInput();
    await expect(createUser(auditFailsOnce(admin()), input)).rejects.toThrow('storage gone');
    expect(await world.store.users.get(input.tenantId, input.objectId)).toBeDefined();
    const entries = () => landlordLog('user.create', ofUser(input.objectId));
    expect(await entries()).toEqual([]);

    expect((await createUser(admin(RETRY), input)).changed).toBe(false);
    expect(await entries()).toEqual([expect.objectContaining({ at: RETRY, details: expect.objectContaining({ role: 'landlord-staff', objectId: input.objectId }) })]);
    expect((await createUser(admin(THIRD), input)).changed).toBe(false);
    expect(await entries()).toHaveLength(1);
  });

  it('create: the ids of a stored user with other input are still refused; nothing written', async () => {
    const input = userInput();
    await createUser(admin(), input);
    const error = await refusedWithoutWrites(world, () => createUser(admin(RETRY), { ...input, role: 'landlord-coordinator' }));
    expect(error.code).toBe('validation');
  });

  it('update: a save that changes nothing after a logged create writes nothing', async () => {
    const input = userInput();
    await createUser(admin(), input);
    expect((await updateUser(admin(RETRY), input)).changed).toBe(false);
    expect(await landlordLog('user.update', ofUser(input.objectId))).toEqual([]);
  });

  it('remove: storage failing after the user is removed: the same removal (still not-found) writes the entry, once', async () => {
    const input = { ...userInput(), role: 'partner-member' as const, partnerId: 'de-vaart' };
    await createUser(admin(), input);
    const ids = { tenantId: input.tenantId, objectId: input.objectId };
    await expect(removeUser(auditFailsOnce(admin()), ids)).rejects.toThrow('storage gone');
    expect(await world.store.users.get(ids.tenantId, ids.objectId)).toBeUndefined();
    const entries = () => landlordLog('user.remove', ofUser(input.objectId));
    expect(await entries()).toEqual([]);

    await expect(removeUser(admin(RETRY), ids)).rejects.toMatchObject({ code: 'not-found' });
    expect(await entries()).toEqual([expect.objectContaining({ at: RETRY, partnerId: 'de-vaart', details: { tenantId: ids.tenantId, objectId: ids.objectId, role: 'partner-member' } })]);
    await expect(removeUser(admin(THIRD), ids)).rejects.toMatchObject({ code: 'not-found' });
    expect(await entries()).toHaveLength(1);
  });

  it('remove: ids that never had a user: not-found, nothing written', async () => {
    const error = await refusedWithoutWrites(world, () => removeUser(admin(RETRY), { tenantId: TENANT, objectId: uid() }));
    expect(error.code).toBe('not-found');
  });
});

describe('CLI: import and purge', () => {
  const options = (now: Instant) => ({ today: '2025-11-10', now, actor: 'cli' });

  it('R1 import: storage failing after a dossier is created: the re-run writes its import entry, once', async () => {
    const number = `VT-2019-${String(100 + Math.floor(Math.random() * 800))}`;
    const rows: ImportRow[] = [
      { line: 2, values: { nummer: number, soort: 'VT', huurder: 'Testhuurder Import', aanmeldende_partner: 'de-vaart', begeleidende_partner: 'de-vaart', woonbegeleider: 'Begeleider Testpersoon' } },
    ];
    await expect(importDossiers(auditFailsOnceIn(world.ports), rows, options(NOW))).rejects.toThrow('storage gone');
    const created = await world.ports.dossiers.getByNumber(number);
    expect(created).toBeDefined();
    const entries = async () => (await auditOf(world, created?.id as string)).filter((e) => e.action === 'dossier.import');
    expect(await entries()).toEqual([]);

    expect(await importDossiers(world.ports, rows, options(RETRY))).toEqual({ imported: 0, unchanged: 1 });
    expect(await entries()).toEqual([expect.objectContaining({ at: RETRY, actor: 'cli' })]);
    await importDossiers(world.ports, rows, options(THIRD));
    expect(await entries()).toHaveLength(1);
  });

  it('purge: storage failing after a dossier is marked purged: the next run writes its entry (and erases nothing more), once', async () => {
    const d = await stored(world, dossier({ status: 'stopped', closedOn: '2019-03-01', stopReason: 'Verhuisd' }));
    await expect(purgeClosedBefore(auditFailsOnceIn(world.ports), '2019-04-01', options(NOW))).rejects.toThrow('storage gone');
    expect((await world.ports.dossiers.get(d.id))?.purgedOn).toBe('2025-11-10');
    const entries = async () => (await auditOf(world, d.id)).filter((e) => e.action === 'privacy.purge');
    expect(await entries()).toEqual([]);

    expect(await purgeClosedBefore(world.ports, '2019-04-01', options(RETRY))).toEqual({ dossiers: 1, records: 0 });
    expect(await entries()).toEqual([expect.objectContaining({ at: RETRY, actor: 'cli' })]);
    expect(await purgeClosedBefore(world.ports, '2019-04-01', options(THIRD))).toEqual({ dossiers: 0, records: 0 });
    expect(await entries()).toHaveLength(1);
  });
});
