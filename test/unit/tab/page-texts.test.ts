/**
 * What the dossier pages read like (bot/tab): labels a support worker understands, no rule ids, every
 * missing field named at once, a contact that did not happen with its reason, entries entered later
 * marked, and a next step after serious defects (R4, R17-R19). Texts come from the catalogue.
 */
import { candidacyForm, dossierForm, isShown, missingRequired, initialValues } from '../../../bot/tab/logic/forms';
import { timeline } from '../../../shared/api/dossier-views';
import type { DossierPage } from '../../../shared/api/dossier-schemas';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { Dossier, Visit } from '../../../shared/rules/types';

const page = {
  dossier: { id: 'd-1', supportingPartner: { id: 'de-vaart', name: 'De Vaart' }, signatures: {} },
  plannedVisits: [],
  partners: [{ id: 'de-vaart', name: 'De Vaart' }, { id: 'woonkracht', name: 'Woonkracht' }],
  openRequests: [],
} as unknown as DossierPage;
const FORMS = ['signatures', 'consent', 'withdraw-consent', 'activate', 'visit', 'extend', 'close', 'stop', 'transfer', 'information-request', 'contact', 'absence'] as const;

describe('the forms of the dossier page', () => {
  it('no title or label carries a rule id, and the API\'s "of ..." phrases do not show as labels', () => {
    const specs = [candidacyForm(page.partners), ...FORMS.map((id) => dossierForm(id, page))];
    for (const spec of specs) {
      expect(spec.title).not.toMatch(/\(R\d|R-H/);
      for (const f of spec.fields) {
        expect(f.label).not.toMatch(/\(R\d|^Of |: opmerking$/);
      }
    }
    const visit = dossierForm('visit', page);
    expect(visit.fields.find((f) => f.name === 'supportWorkerPresent')?.label).toBe(msg.formLabel.supportWorkerPresent);
    expect(visit.fields.find((f) => f.name === 'seriousDefects')?.label).toBe(msg.formLabel.seriousDefects);
    expect(visit.fields.find((f) => f.name === 'findings.house.note')?.label).toBe(msg.formLabel.findingNote('woning'));
    expect(msg.forms.withdrawConsent.title).toBe('Intrekking van de toestemming registreren');
    expect(msg.list.columns.plannedEnd).toBe('Gepland einde');
  });

  it('R3: the new candidacy asks the version of each obligation document and sends only those filled in', () => {
    const form = candidacyForm(page.partners);
    expect(form.fields.filter((f) => f.name.startsWith('documents.')).map((f) => f.label)).toEqual([
      msg.formLabel['documents.lease'],
      msg.formLabel['documents.toelichting'],
      msg.formLabel['documents.rio'],
      msg.formLabel['documents.huisdierenbeleid'],
    ]);
    const values = { kind: 'VT', 'tenant.name': 'An', registeringPartnerId: 'de-vaart', supportingPartnerId: 'de-vaart', 'supportWorker.name': 'Bart', 'documents.rio': ' RIO 2024 ' };
    expect(form.body(values, 'key-1')).toMatchObject({ documents: { rio: 'RIO 2024' } });
    expect(form.body({ ...values, 'documents.rio': '' }, 'key-1')).not.toHaveProperty('documents');
  });

  it('R1: an empty new candidacy names every missing field at once, and says which are required', () => {
    const form = candidacyForm(page.partners);
    const missing = missingRequired(form, { ...initialValues(form), kind: 'VT' });
    expect(missing.map((m) => m.field)).toEqual(['tenant.name', 'registeringPartnerId', 'supportingPartnerId', 'supportWorker.name']);
    expect(missing.map((m) => m.message)).toContain('Vul de aanmeldende organisatie in.');
    expect(form.fields.filter((f) => f.required).map((f) => f.name)).not.toContain('tenant.address');
    expect(missingRequired(form, { ...initialValues(form), 'tenant.name': 'A', registeringPartnerId: 'de-vaart', supportingPartnerId: 'de-vaart', 'supportWorker.name': 'B' })).toEqual([]);
  });

  it('R4: the reason a contact did not take place is asked only when it did not, and then required', () => {
    const form = dossierForm('contact', page);
    const reason = form.fields.find((f) => f.name === 'reasonMissed');
    if (!reason) throw new Error('no reason field');
    expect(isShown(reason, { held: 'yes' })).toBe(false);
    expect(isShown(reason, { held: 'no' })).toBe(true);
    expect(missingRequired(form, { date: '2026-12-01', held: 'yes', reasonMissed: '' })).toEqual([]);
    expect(missingRequired(form, { date: '2026-12-01', held: 'no', reasonMissed: ' ' }).map((m) => m.field)).toEqual(['reasonMissed']);
    expect(form.body({ date: '2026-12-01', held: 'yes', reasonMissed: 'typed before switching to yes' }, 'k')).toEqual({ date: '2026-12-01', held: true });
  });
});

const dossier: Dossier = {
  id: 'd-1',
  landlordId: 'vivendo',
  number: 'VT-2026-005',
  kind: 'VT',
  status: 'active',
  tenant: { name: 'T' },
  registeringPartnerId: 'de-vaart',
  supportingPartnerId: 'de-vaart',
  formerPartnerIds: [],
  supportWorker: { name: 'W' },
  signatures: { supportWorker: '2026-12-01', tenant: '2026-12-03' },
  createdOn: '2026-12-04',
  leaseStart: '2026-12-10',
  extensions: [],
  transfers: [],
  contactLogActive: true,
  documents: [],
} as unknown as Dossier;
const base = { dossier, milestones: [], visits: [], signals: [], informationRequests: [], contactLog: [], today: '2027-01-05', nextConsultation: '2027-01-28' };

describe('the timeline of the dossier page', () => {
  it('orders by when things happened and marks what was entered later', () => {
    const entries = timeline(base);
    expect(entries.map((e) => e.type).slice(0, 3)).toEqual(['signature', 'signature', 'created']);
    expect(entries[0]?.detail).toBe(msg.timeline.recordedLater('2026-12-04'));
    expect(entries.find((e) => e.type === 'created')?.detail).toBeUndefined();
  });

  it('R4: a planned contact that did not take place reads as missed, with its reason', () => {
    const entries = timeline({ ...base, contactLog: [{ id: 'c', dossierId: 'd-1', date: '2026-12-20', held: false, reasonMissed: 'Niemand thuis', loggedBy: 'u' }] });
    expect(entries.find((e) => e.type === 'contact')).toMatchObject({ label: msg.timeline.contactPlanned, state: 'missed', stateLabel: 'niet doorgegaan', detail: 'Niemand thuis' });
  });

  it('R19: after serious defects at the final evaluation, "Wat volgt" is the extension decided at the next consultation, until it is', () => {
    const visit: Visit = { id: 'v', dossierId: 'd-1', kind: 'final-evaluation', heldOn: '2027-01-04', seriousDefects: true, findings: [], supportWorkerPresent: true };
    const pending = timeline({ ...base, visits: [visit] }).find((e) => e.type === 'next-step');
    expect(pending).toMatchObject({ date: '2027-01-28', label: msg.timeline.decideExtension, state: 'due' });
    const decided = { ...dossier, status: 'extended' as const, extensions: [{ months: 3, decidedOn: '2027-01-28' }] };
    expect(timeline({ ...base, dossier: decided, visits: [visit], today: '2027-01-29', nextConsultation: '2027-02-25' }).find((e) => e.type === 'next-step')).toBeUndefined();
    const other = timeline({ ...base, visits: [{ ...visit, kind: 'home-visit-3m' }] }).find((e) => e.type === 'next-step');
    expect(other?.label).toBe(msg.timeline.discussDefects);
  });
});
