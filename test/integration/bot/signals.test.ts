/**
 * R7-R9: a partner raises a signal from the form; the use case checks consent; a safety signal
 * reaches the landlord's alert channel at once (and without consent it still passes, R9), a
 * double submit of the same form raises one signal.
 */
import { informationMessages } from '../../../shared/messages/information';
import { botMessages } from '../../../shared/messages/bot';
import { FREE_TEXT } from '../../../shared/rules/free-text';
import { cardText, markdownLinks } from '../../unit/bot/card-validator';
import { ALERTS, cardOf, COORDINATOR, DE_LINDE, DE_VAART, DE_VAART_CHAT, personal, setUpConversations, startHarness, STAFF, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2025-11-12T22:30:00+01:00' }); // late evening: R9 whatever the time of day
  await setUpConversations(h);
});
afterAll(() => h.stop());
afterEach(() => expect(h.connector.violations).toEqual([]));

const form = { kind: 'signal-form' };

describe('signals from the form', () => {
  it('a member gets the form with the own organisation\'s dossiers; the landlord does not', async () => {
    await h.say(DE_VAART, 'signaal', personal(DE_VAART));
    const card = cardOf(h.connector.posts(personal(DE_VAART).id).pop()?.body ?? {});
    expect(JSON.stringify(card?.actions)).toContain('signal.submit');
    await h.say(STAFF, 'signaal', personal(STAFF));
    expect(h.connector.posts(personal(STAFF).id).pop()?.body.text).toBe(botMessages.partnerMemberOnly);
  });

  it('R9: a safety signal posts an alert card in the landlord\'s alert channel at once; a double submit counts once', async () => {
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent) as (typeof h.demo.dossiers)[number];
    const data = { card: form, formId: 'form-safety-1', dossierId: dossier.id, category: 'safety', description: 'Dreiging met een mes, zie [foto](https://evil.example)' };
    const answer = await h.click(DE_VAART, 'signal.submit', data, personal(DE_VAART));
    expect(cardText(answer)).toContain(`Het veiligheidssignaal over dossier ${dossier.number} werd meteen doorgegeven aan de verhuurder.`);
    const again = await h.click(DE_VAART, 'signal.submit', data, personal(DE_VAART));
    expect(cardText(again)).toContain(botMessages.signal.alreadySent);

    const alerts = h.connector.posts(ALERTS.id);
    expect(alerts).toHaveLength(1);
    const card = cardOf(alerts[0]?.body ?? {});
    const text = cardText(card);
    expect(text).toContain('Veiligheidssignaal');
    expect(text).toContain(dossier.number);
    expect(text).toContain('Begeleidingsdienst De Vaart');
    expect(text).not.toContain(dossier.tenant.name);
    expect(markdownLinks(card)).toEqual([]);
    // Nothing went to the partner chat or anywhere else.
    expect(h.connector.posts(DE_VAART_CHAT.id)).toHaveLength(0);
    expect((await h.store.forLandlord('vivendo').signals.listByDossier(dossier.id)).filter((s) => s.id === 'form-safety-1')).toHaveLength(1);
  });

  it('R7: without consent a signal is refused with the reason; the form keeps what was typed', async () => {
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-linde' && d.status === 'active' && !d.consent) as (typeof h.demo.dossiers)[number];
    const answer = await h.click(DE_LINDE, 'signal.submit', { card: form, formId: 'form-2', dossierId: dossier.id, category: 'aggression', description: 'Roepen in de gang' }, personal(DE_LINDE));
    expect(cardText(answer)).toContain(informationMessages.signalRefusedWithoutConsent);
    expect(cardText(answer)).toContain('Roepen in de gang');
    expect(h.connector.posts(ALERTS.id)).toHaveLength(0);
  });

  it('the card form goes through the one free-text check: a description with a right-to-left override is refused in Dutch, nothing stored', async () => {
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent) as (typeof h.demo.dossiers)[number];
    const answer = await h.click(DE_VAART, 'signal.submit', { card: form, formId: 'form-bidi', dossierId: dossier.id, category: 'other', description: 'Lekkage \u202Eetsal' }, personal(DE_VAART));
    expect(cardText(answer)).toContain('De omschrijving van het signaal bevat een onzichtbaar stuurteken of een teken dat de schrijfrichting omkeert');
    expect((await h.store.forLandlord('vivendo').signals.listByDossier(dossier.id)).filter((s) => s.id === 'form-bidi')).toHaveLength(0);
    expect(h.connector.posts(ALERTS.id)).toHaveLength(0);
  });

  it('R9: a safety signal without consent still passes, and says so', async () => {
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-linde' && d.status === 'active' && !d.consent) as (typeof h.demo.dossiers)[number];
    const answer = await h.click(DE_LINDE, 'signal.submit', { card: form, formId: 'form-3', dossierId: dossier.id, category: 'safety', description: 'Brandgevaar' }, personal(DE_LINDE));
    expect(cardText(answer)).toContain(botMessages.signal.sentWithoutConsent);
    expect(cardText(cardOf(h.connector.posts(ALERTS.id).pop()?.body ?? {}))).toContain(informationMessages.basisLabel['safety-without-consent']);
  });

  it('R8: another signal reaches the alert channel too', async () => {
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent) as (typeof h.demo.dossiers)[number];
    await h.click(DE_VAART, 'signal.submit', { card: form, formId: 'form-4', dossierId: dossier.id, category: 'liveability', description: 'Afval in de tuin' }, DE_VAART_CHAT);
    const text = cardText(cardOf(h.connector.posts(ALERTS.id)[0]?.body ?? {}));
    expect(text).toContain('Nieuw signaal');
  });

  it('R9: without an alert channel the signal is stored and the partner is told to call', async () => {
    await h.say(COORDINATOR, 'ontkoppel', ALERTS);
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent) as (typeof h.demo.dossiers)[number];
    const data = { card: form, formId: 'form-5', dossierId: dossier.id, category: 'safety', description: 'Acuut' };
    const answer = await h.click(DE_VAART, 'signal.submit', data, personal(DE_VAART));
    expect(cardText(answer)).toContain(botMessages.signal.notNotified);
    const again = await h.click(DE_VAART, 'signal.submit', data, personal(DE_VAART));
    expect(cardText(again)).toContain(botMessages.signal.notNotified); // still no channel: still said

    // The channel is back: the partner's retry of the same form delivers the alert, once.
    await h.say(COORDINATOR, 'alarmkanaal', ALERTS);
    h.connector.clear();
    const delivered = await h.click(DE_VAART, 'signal.submit', data, personal(DE_VAART));
    expect(cardText(delivered)).toContain(botMessages.signal.alreadySent);
    expect(cardText(delivered)).not.toContain(botMessages.signal.notNotified);
    await h.click(DE_VAART, 'signal.submit', data, personal(DE_VAART));
    expect(h.connector.posts(ALERTS.id).filter((p) => cardText(cardOf(p.body)).includes(dossier.number))).toHaveLength(1);
  });

  it('no log line holds a description, a name or a typed word', () => {
    const logs = h.logs.join('\n');
    for (const typed of ['Dreiging', 'Roepen', 'Brandgevaar', 'Afval', 'Acuut', 'Sara De Clercq', 'Begeleidingsdienst']) expect(logs).not.toContain(typed);
  });

  it('a too-long text on a card is refused with the free-text sentence (no silent cut), the form keeps it, nothing stored', async () => {
    h.connector.clear();
    const dossier = h.demo.dossiers.find((d) => d.supportingPartnerId === 'de-vaart' && d.status === 'active' && d.consent) as (typeof h.demo.dossiers)[number];
    const max = FREE_TEXT.signalDescription.max;
    const long = `${'Lekkage in de badkamer. '.repeat(Math.ceil((max + 40) / 24))}`.slice(0, max + 40);
    const answer = await h.click(DE_VAART, 'signal.submit', { card: form, formId: 'form-long', dossierId: dossier.id, category: 'other', description: long }, personal(DE_VAART));
    expect(cardText(answer)).toMatch(new RegExp(`is te lang \\(hoogstens ${max} tekens\\)`));
    expect(JSON.stringify(answer)).toContain(long.trim()); // what was typed comes back, whole, to be shortened
    expect((await h.store.forLandlord('vivendo').signals.listByDossier(dossier.id)).filter((s) => s.id === 'form-long')).toHaveLength(0);
    expect(h.connector.posts(ALERTS.id)).toHaveLength(0);

    const absence = await h.click(DE_VAART, 'absence.submit', { card: { kind: 'absence-form' }, formId: 'absence-long', workerName: 'S'.repeat(FREE_TEXT.personName.max + 1), from: '2025-11-17', replacementContact: 'Bel het onthaal', dossierIds: '' }, personal(DE_VAART));
    expect(cardText(absence)).toMatch(new RegExp(`is te lang \\(hoogstens ${FREE_TEXT.personName.max} tekens\\)`));
  });

  it('R5: an absence is reported once per form', async () => {
    const data = { card: { kind: 'absence-form' }, formId: 'absence-1', workerName: 'Sara De Clercq', from: '2025-11-17', replacementContact: 'Bel het onthaal', dossierIds: '' };
    expect(cardText(await h.click(DE_VAART, 'absence.submit', data, personal(DE_VAART)))).toContain('De afwezigheid vanaf 17/11/2025 werd gemeld');
    expect(cardText(await h.click(DE_VAART, 'absence.submit', data, personal(DE_VAART)))).toContain(botMessages.absence.alreadySent);
  });
});
