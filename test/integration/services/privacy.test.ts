/**
 * Privacy: a subject access export holds everything stored about the tenant of a dossier; a purge
 * after the retention period erases the personal data everywhere and keeps the anonymous records.
 */
import { flagDossier, raiseSignal, requestInformation, stopTrajectory } from '../../../shared/services';
import { exportTenantData } from '../../../shared/services/privacy-export';
import { purgeClosedBefore } from '../../../shared/services/privacy-purge';
import { coordinator, createWorld, DEMO, deVaartMember, NOW, TODAY, type World } from './world';

describe('privacy export and purge', () => {
  let world: World;
  // An active de-vaart dossier with consent (shared/demo), with a signal, a flag and a question.
  const dossier = DEMO.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent && d.registeringPartnerId === 'de-vaart')!;
  const other = DEMO.dossiers.find((d) => d.id !== dossier.id && d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent)!;

  beforeAll(async () => {
    world = await createWorld();
    await world.ports.dossiers.create(dossier);
    await world.ports.dossiers.create(other);
    const member = world.ctx(deVaartMember);
    await raiseSignal(member, { dossierId: dossier.id, category: 'insufficient-cooperation', description: 'Afspraak gemist, geen contact.' });
    await flagDossier(member, { dossierId: dossier.id, problem: 'Huurachterstand loopt op.' });
    await flagDossier(member, { dossierId: other.id, problem: 'Ander dossier, blijft staan.' });
    await requestInformation(world.ctx(coordinator), { dossierId: dossier.id, question: 'Hoe verloopt de begeleiding?' });
  });

  it('R7: the export holds the dossier, its history and the flags that mention it, and is audited', async () => {
    const data = await exportTenantData(world.ports, dossier.number, { now: NOW, actor: 'cli' });
    expect(data.dossier.tenant.name).toBe(dossier.tenant.name);
    expect(data.history.signals.map((s) => s.description)).toEqual(['Afspraak gemist, geen contact.']);
    expect(data.history.informationRequests.map((r) => r.question)).toEqual(['Hoe verloopt de begeleiding?']);
    expect(data.flags.map((f) => f.problem)).toEqual(['Huurachterstand loopt op.']);
    expect((await world.ports.audit.listByDossier(dossier.id)).some((a) => a.action === 'privacy.export')).toBe(true);
  });

  it('purge erases names and typed text of closed dossiers only, keeps the records, and runs once', async () => {
    await stopTrajectory(world.ctx(coordinator), { dossierId: dossier.id, reason: 'Huurder verhuisd naar familie.' });
    // Nothing closed before today: nothing to do.
    expect(await purgeClosedBefore(world.ports, TODAY, { today: TODAY, now: NOW, actor: 'cli' })).toEqual({ dossiers: 0, records: 0 });

    const result = await purgeClosedBefore(world.ports, '2025-11-11', { today: TODAY, now: NOW, actor: 'cli' });
    expect(result.dossiers).toBe(1);
    const after = await exportTenantData(world.ports, dossier.id, { now: NOW, actor: 'cli' });
    const text = JSON.stringify(after);
    for (const personal of [dossier.tenant.name, dossier.tenant.address!, dossier.supportWorker.name, 'Afspraak gemist', 'Huurachterstand', 'Hoe verloopt', 'verhuisd']) {
      expect(text).not.toContain(personal);
    }
    // The anonymous facts stay: one signal with its category, one flag, one request, the status.
    expect(after.history.signals.map((s) => s.category)).toEqual(['insufficient-cooperation']);
    expect(after.flags).toHaveLength(1);
    expect(after.history.informationRequests).toHaveLength(1);
    expect(after.dossier).toMatchObject({ status: 'stopped', purgedOn: TODAY, number: dossier.number });
    // The partner's list copy is erased too (copies are derived again).
    const listed = (await world.ports.dossiers.listForPartner('de-vaart')).find((d) => d.id === dossier.id);
    expect(listed?.tenant.name).toBe('[gewist]');
    const feed = await world.ports.signals.listByPartner('de-vaart');
    expect(JSON.stringify(feed)).not.toContain('Afspraak gemist');

    // The other dossier's flag is untouched; a second purge does nothing.
    const otherData = await exportTenantData(world.ports, other.id, { now: NOW, actor: 'cli' });
    expect(otherData.flags.map((f) => f.problem)).toEqual(['Ander dossier, blijft staan.']);
    expect(await purgeClosedBefore(world.ports, '2025-11-11', { today: TODAY, now: NOW, actor: 'cli' })).toEqual({ dossiers: 0, records: 0 });
    expect((await world.ports.audit.listByDossier(dossier.id)).filter((a) => a.action === 'privacy.purge')).toHaveLength(1);
  });
});
