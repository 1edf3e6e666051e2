/** The invitation's consultation reference `[WB:<partnerId>:<YYYY-MM>]` (R13): format and parsing. */
import { findReference, formatReference, parseReference } from '../../../addin/web/logic/reference';
import * as mail from '../../../shared/mail/reference';

describe('consultation reference', () => {
  it('formats and parses back', () => {
    const text = formatReference({ partnerId: 'de-vaart', month: '2025-11' });
    expect(text).toBe('[WB:de-vaart:2025-11]');
    expect(parseReference(`Uitnodiging structureel overleg ${text}`)).toEqual({ partnerId: 'de-vaart', month: '2025-11' });
  });

  it('refuses to format something that would not parse', () => {
    expect(() => formatReference({ partnerId: 'de vaart', month: '2025-11' })).toThrow();
    expect(() => formatReference({ partnerId: 'de-vaart', month: '2025-13' })).toThrow();
  });

  it('tolerates case and spaces that mail programs and people introduce', () => {
    expect(parseReference('RE: uitnodiging [wb: De-Vaart : 2025-12 ]')).toEqual({ partnerId: 'De-Vaart', month: '2025-12' });
  });

  it.each([
    ['no reference at all', 'Hallo, tot donderdag'],
    ['a month that does not exist', '[WB:de-vaart:2025-13]'],
    ['month zero', '[WB:de-vaart:2025-00]'],
    ['no partner', '[WB::2025-11]'],
    ['a partner id with a space', '[WB:de vaart:2025-11]'],
    ['a partner id with other characters', '[WB:de/vaart:2025-11]'],
    ['another prefix', '[XB:de-vaart:2025-11]'],
  ])('finds nothing in %s', (_case, text) => {
    expect(parseReference(text)).toBeUndefined();
  });

  it('takes the first reference of a text (the newest quoted message comes first)', () => {
    expect(parseReference('> [WB:woonkracht:2025-12]\n> ...\n> [WB:woonkracht:2025-11]')).toEqual({ partnerId: 'woonkracht', month: '2025-12' });
  });

  it('read mode: the subject wins over the body', () => {
    expect(findReference({ subject: 'Uitnodiging [WB:de-vaart:2025-11]', body: 'zie [WB:de-linde:2025-10]' })).toEqual({ partnerId: 'de-vaart', month: '2025-11' });
  });

  it('compose mode: found in the quoted body when the subject was changed', () => {
    const body = 'Beste,\n\nHierbij onze dossiers.\n\nVan: Vivendo\nOnderwerp: Uitnodiging\n[WB:de-linde:2025-11]\n';
    expect(findReference({ subject: 'Onze dossiers', body })).toEqual({ partnerId: 'de-linde', month: '2025-11' });
  });

  it('is the same however often it runs (no regex state leaks between calls)', () => {
    const text = '[WB:de-vaart:2025-11]';
    expect([parseReference(text), parseReference(text), parseReference(text)]).toEqual(Array(3).fill({ partnerId: 'de-vaart', month: '2025-11' }));
  });
});

describe('consultation reference: the pane and the mail side agree (shared/mail/reference.ts)', () => {
  const samples = [
    { partnerId: 'de-vaart', month: '2025-11' },
    { partnerId: 'woonkracht', month: '2026-01' },
    { partnerId: 'Partner_2.b', month: '2025-12' },
  ];

  it.each(samples)('reads what the invitation writes, and the other way round: %j', (ref) => {
    expect(parseReference(`Uitnodiging ${mail.formatReference(ref)}`)).toEqual(ref);
    expect(mail.parseReference(`Uitnodiging ${formatReference(ref)}`)).toEqual(ref);
  });

  it.each(['[wb: de-vaart : 2025-12 ]', '[WB:de-vaart:2025-13]', 'geen referentie', '[WB:de vaart:2025-11]'])('both read %j the same', (text) => {
    expect(parseReference(text)).toEqual(mail.parseReference(text));
  });
});
