/**
 * §3, R5: the tenant's contact letter through the use case on Azurite: the PDF says what the rule
 * says (read back from the file), access like any dossier read, every download audited with ids only.
 */
import { acceptTransfer } from '../../../shared/services/accept-transfer';
import { getContactLetter } from '../../../shared/services/get-contact-letter';
import { requestTransfer } from '../../../shared/services/request-transfer';
import { pdfPageCount, pdfTextLines } from '../../support/pdf-text';
import { active, auditOf, coordinator, createWorld, deLindeMember, deVaartMember, dossier, refusedWithoutWrites, staff, stored, woonkrachtMember, type World } from './world';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const landlord = () => world.landlord;
const deVaart = () => world.partners.find((p) => p.id === 'de-vaart')!;

describe('§3, R5: the contact letter as a PDF', () => {
  it("§3: one A4 page with the tenant's name and address, the organisation's phone, e-mail and office hours, 112 and the technical emergency line", async () => {
    const d = await stored(world, active());
    const file = await getContactLetter(world.ctx(coordinator), { dossierId: d.id, landlord: landlord() });
    expect(file.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(file.pdf)).toBe(1);
    const text = pdfTextLines(file.pdf).join('\n');
    const { contact, name } = deVaart();
    for (const expected of [d.tenant.name, d.tenant.address!, name, contact.phone, contact.email, contact.officeHours, '112', landlord().technicalEmergencyPhone!, 'Datum: 10/11/2025']) {
      expect(text).toContain(expected);
    }
    expect(file.fileName).toBe(`contactbrief-${d.number}.pdf`);
    // The file's metadata (title) names the dossier, not the tenant.
    expect(file.pdf.toString('latin1')).not.toContain(d.tenant.name.split(' ')[1]!);
  });

  it('§3: every download is audited before it is handed out: who, which dossier, ids only', async () => {
    const d = await stored(world, active());
    await getContactLetter(world.ctx(deVaartMember), { dossierId: d.id, landlord: landlord() });
    await getContactLetter(world.ctx(staff), { dossierId: d.id, landlord: landlord() });
    const entries = (await auditOf(world, d.id)).filter((e) => e.action === 'contactletter.read');
    expect(entries.map((e) => e.actor).sort()).toEqual([deVaartMember.objectId, staff.objectId].sort());
    expect(entries.every((e) => e.basis === 'role' && e.partnerId === 'de-vaart')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(d.tenant.name);
  });

  it("§3: another organisation's member gets 'not found', the same as for a missing id, and nothing is written", async () => {
    const d = await stored(world, active());
    const other = await refusedWithoutWrites(world, () => getContactLetter(world.ctx(deLindeMember), { dossierId: d.id, landlord: landlord() }));
    const missing = await refusedWithoutWrites(world, () => getContactLetter(world.ctx(deLindeMember), { dossierId: 'bestaat-niet', landlord: landlord() }));
    expect(other.code).toBe('not-found');
    expect(other.message).toBe(missing.message);
  });

  it('§3: a candidacy has no letter yet: refused with the reason, nothing audited', async () => {
    const d = await stored(world, dossier());
    const error = await refusedWithoutWrites(world, () => getContactLetter(world.ctx(coordinator), { dossierId: d.id, landlord: landlord() }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('loopt niet');
  });

  it("R6 with §3: after a transfer the letter names the new organisation, and the old one no longer gets it", async () => {
    const d = await stored(world, active());
    await requestTransfer(world.ctx(deVaartMember), { dossierId: d.id, toPartnerId: 'woonkracht', reason: 'Geen begeleider vrij' });
    await acceptTransfer(world.ctx(woonkrachtMember), { dossierId: d.id });
    const text = pdfTextLines((await getContactLetter(world.ctx(woonkrachtMember), { dossierId: d.id, landlord: landlord() })).pdf).join('\n');
    const woonkracht = world.partners.find((p) => p.id === 'woonkracht')!;
    expect(text).toContain(woonkracht.name);
    expect(text).toContain(woonkracht.contact.phone);
    expect(text).not.toContain(deVaart().contact.phone);
    const refused = await refusedWithoutWrites(world, () => getContactLetter(world.ctx(deVaartMember), { dossierId: d.id, landlord: landlord() }));
    expect(refused.code).toBe('not-found');
  });
});
