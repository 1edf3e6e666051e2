/**
 * §3 "De huurder dient te beschikken over algemene contactgegevens van de begeleidingsdienst" (R5):
 * the tenant's one-page contact letter, as a pure rule.
 */
import fc from 'fast-check';
import { contactLetter, contactLetterFileName, contactLetterRefusal } from '../../../shared/rules/contact-letter';
import { acceptTransfer, requestTransfer } from '../../../shared/rules/trajectory';
import type { Dossier, Partner } from '../../../shared/rules/types';
import { activeDossier, candidacy, domainErrorOf, OTHER_PARTNER, SUPPORTING } from './dossier-fixtures';

const partner: Pick<Partner, 'id' | 'name' | 'contact'> = {
  id: SUPPORTING,
  name: 'CAW Brugge',
  contact: { phone: '050 12 34 56', email: 'onthaal@caw.example', officeHours: 'ma-vr 9-12 u en 13-16 u' },
};
const landlord = { name: 'Vivendo', mailbox: 'bewonerscontacten@vivendo.example', technicalEmergencyPhone: '050 00 00 99' };
const text = (letter: ReturnType<typeof contactLetter>) =>
  [...letter.recipient, letter.dateLine, letter.reference, letter.title, letter.greeting, letter.intro, ...letter.sections.flatMap((s) => [s.heading, ...s.lines]), ...letter.closing].join('\n');

describe('§3, R5: the contact letter for the tenant', () => {
  it("§3: names the organisation's phone, e-mail and office hours, 112 and the landlord's technical emergency line", () => {
    const letter = contactLetter({ dossier: activeDossier(), partner, landlord, today: '2025-02-01' });
    const all = text(letter);
    for (const expected of ['CAW Brugge', '050 12 34 56', 'onthaal@caw.example', 'ma-vr 9-12 u en 13-16 u', '112', '050 00 00 99', 'Bart Claes']) {
      expect(all).toContain(expected);
    }
    expect(letter.recipient).toEqual(['An Peeters', 'Kerkstraat 1, 8000 Brugge']);
    expect(letter.greeting).toBe('Beste An Peeters,');
    expect(letter.dateLine).toBe('Datum: 01/02/2025');
    expect(letter.reference).toBe('Dossier VT-2025-014');
    expect(all).not.toMatch(/\bR\d+\b|§/); // no rule ids for the tenant
  });

  it("§3: without a configured technical line, the landlord's mailbox is named for an urgent technical problem", () => {
    const letter = contactLetter({ dossier: activeDossier(), partner, landlord: { name: 'Vivendo', mailbox: 'bc@vivendo.example' }, today: '2025-02-01' });
    const emergency = letter.sections[1]?.lines.join(' ') ?? '';
    expect(emergency).toContain('112');
    expect(emergency).toContain('bc@vivendo.example');
    expect(emergency).not.toContain('noodlijn');
  });

  it("§3: the file name carries the dossier number, never the tenant's name", () => {
    expect(contactLetterFileName(activeDossier())).toBe('contactbrief-VT-2025-014.pdf');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ minLength: 2, maxLength: 40 }), (number, name) => {
        const d = activeDossier({ number, tenant: { name } });
        const file = contactLetter({ dossier: d, partner, landlord, today: '2025-02-01' }).fileName;
        expect(file).toMatch(/^contactbrief-[A-Za-z0-9_-]+\.pdf$/);
        return true;
      }),
    );
  });

  it('§3: the letter exists while the support runs (active, extended), not for a candidacy, a closed, stopped or purged dossier', () => {
    expect(contactLetterRefusal(activeDossier(), partner)).toBeUndefined();
    expect(contactLetterRefusal(activeDossier({ status: 'extended', extensions: [{ months: 3, decidedOn: '2026-02-01' }] }), partner)).toBeUndefined();
    const refusals: [Dossier, RegExp][] = [
      [candidacy(), /loopt niet/],
      [activeDossier({ status: 'closed-positive', closedOn: '2026-02-10' }), /loopt niet/],
      [activeDossier({ status: 'stopped', closedOn: '2025-06-10', stopReason: 'verhuisd' }), /loopt niet/],
      [activeDossier({ purgedOn: '2033-01-01', tenant: { name: '' } }), /gewist/],
    ];
    for (const [dossier, reason] of refusals) {
      const error = domainErrorOf(() => contactLetter({ dossier, partner, landlord, today: '2025-02-01' }));
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(dossier.number);
    }
  });

  it('§3, R5: an organisation without general contact details gets no letter, and is told what to fill in', () => {
    const error = domainErrorOf(() =>
      contactLetter({ dossier: activeDossier(), partner: { ...partner, contact: { phone: ' ', email: 'x@y.example', officeHours: 'ma' } }, landlord, today: '2025-02-01' }),
    );
    expect(error.message).toContain('contactgegevens');
  });

  it("R6 with §3: after a transfer the letter names the organisation that took the dossier over (the caller passes the supporting partner)", () => {
    const requested = requestTransfer(activeDossier(), OTHER_PARTNER, { partnerId: SUPPORTING, userId: 'u-1' }, 'Geen plaats meer', '2025-05-02');
    const moved = acceptTransfer(requested, OTHER_PARTNER, '2025-05-05', { name: 'Els Maes' });
    expect(moved.supportingPartnerId).toBe(OTHER_PARTNER);
    const letter = contactLetter({
      dossier: moved,
      partner: { id: OTHER_PARTNER, name: 'De Kade', contact: { phone: '050 99 88 77', email: 'info@dekade.example', officeHours: 'di-do 9-17 u' } },
      landlord,
      today: '2025-05-05',
    });
    expect(letter.intro).toContain('De Kade');
    expect(letter.intro).toContain('Els Maes');
    expect(text(letter)).not.toContain('CAW Brugge');
  });
});
