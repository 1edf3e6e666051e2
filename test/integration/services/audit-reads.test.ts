/**
 * The audit log cannot be flooded: a user's repeated reads of one dossier within the window are one
 * entry counting them (details.reads, details.lastReadAt), also when the reads come at once (ETag:
 * no read uncounted); another reader, another window or another disclosure (signals shown) is an
 * entry of its own; window 0 writes one entry per read. Real storage (Azurite).
 */
import { getDossier } from '../../../shared/services/get-dossier';
import { READ_AUDIT_WINDOW_MS } from '../../../shared/services/audit';
import { active, auditOf, coordinator, createWorld, deVaartMember, stored, type World } from '../services/world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const reads = (entries: { action: string; actor: string; details?: Record<string, unknown> }[], actor: string) =>
  entries.filter((e) => e.action === 'dossier.read' && e.actor === actor);

it('repeated reads by one user within the window are one entry with the count and the last moment', async () => {
  const d = await stored(world, active());
  const times = ['2025-11-10T10:00:00+01:00', '2025-11-10T10:01:00+01:00', '2025-11-10T10:04:59+01:00'];
  for (const at of times) await getDossier(world.ctx(deVaartMember, at), { dossierId: d.id });
  const entries = reads(await auditOf(world, d.id), deVaartMember.objectId);
  expect(entries).toEqual([expect.objectContaining({ at: times[0], details: { reads: 3, lastReadAt: times[2] } })]);
  expect(READ_AUDIT_WINDOW_MS).toBe(600_000);
});

it('reads at once are all counted (ETag), on one entry', async () => {
  const d = await stored(world, active());
  const at = '2025-11-10T11:02:00+01:00';
  await Promise.all(Array.from({ length: 12 }, () => getDossier(world.ctx(deVaartMember, at), { dossierId: d.id })));
  const entries = reads(await auditOf(world, d.id), deVaartMember.objectId);
  expect(entries).toHaveLength(1);
  expect(entries[0]?.details?.reads).toBe(12);
});

it('another reader and another window are entries of their own; the history stays in time order', async () => {
  const d = await stored(world, active());
  await getDossier(world.ctx(deVaartMember, '2025-11-10T12:01:00+01:00'), { dossierId: d.id });
  await getDossier(world.ctx(coordinator, '2025-11-10T12:02:00+01:00'), { dossierId: d.id });
  await getDossier(world.ctx(deVaartMember, '2025-11-10T12:15:00+01:00'), { dossierId: d.id }); // next 10-minute window
  const all = await auditOf(world, d.id);
  expect(reads(all, deVaartMember.objectId).map((e) => e.details?.reads)).toEqual([1, 1]);
  expect(reads(all, coordinator.objectId)).toHaveLength(1);
  const moments = all.map((e) => Date.parse(e.at));
  expect(moments).toEqual([...moments].sort((a, b) => a - b));
});

it('window 0 (AUDIT_READ_WINDOW_MINUTES=0) writes an entry per read', async () => {
  const d = await stored(world, active());
  const ctx = { ...world.ctx(deVaartMember, '2025-11-10T13:00:00+01:00'), readAuditWindowMs: 0 };
  await getDossier(ctx, { dossierId: d.id });
  await getDossier(ctx, { dossierId: d.id });
  const entries = reads(await auditOf(world, d.id), deVaartMember.objectId);
  expect(entries).toHaveLength(2);
  expect(entries.every((e) => e.details === undefined)).toBe(true);
});
