/** R15 by e-mail: dossier numbers and problem statements in replies; the reference the add-in reads. */
import { parseFlagReply, stripQuoted } from '../../../shared/mail/reply-parser';
import { formatReference, parseReference } from '../../../shared/mail/reference';

describe('the reference [WB:<partnerId>:<YYYY-MM>]', () => {
  it('formats and parses back, also inside "RE: ..." subjects', () => {
    expect(formatReference({ partnerId: 'de-vaart', month: '2026-11' })).toBe('[WB:de-vaart:2026-11]');
    expect(parseReference('RE: AW: Uitnodiging van 26/11/2026 [WB:de-vaart:2026-11]')).toEqual({ partnerId: 'de-vaart', month: '2026-11' });
    // Leniently, like the add-in: case and spacing changed by a mail program or a person.
    expect(parseReference('re: [ wb : De-Vaart : 2026-11 ]')).toEqual({ partnerId: 'De-Vaart', month: '2026-11' });
  });

  it('refuses what is not one', () => {
    expect(parseReference('[WB:de vaart:2026-11]')).toBeUndefined();
    expect(parseReference('[WB:de-vaart:2026-13]')).toBeUndefined();
    expect(parseReference(undefined)).toBeUndefined();
    expect(() => formatReference({ partnerId: 'a:b', month: '2026-11' })).toThrow();
  });
});

describe('R15: dossier numbers in a reply', () => {
  it('reads one number per line with its statement, whatever the separator', () => {
    const parsed = parseFlagReply(
      ['Dag,', '', 'VT-2025-014: afspraken worden niet nagekomen', '- vt-2026-002 – tuin verwaarloosd', 'AW-2026-402 huur niet betaald.', 'Groeten'].join('\n'),
      false,
    );
    expect(parsed.lines).toEqual([
      { number: 'VT-2025-014', problem: 'afspraken worden niet nagekomen' },
      { number: 'VT-2026-002', problem: 'tuin verwaarloosd' },
      { number: 'AW-2026-402', problem: 'huur niet betaald.' },
    ]);
    expect(parsed.ambiguous).toEqual([]);
  });

  it('does not guess: a number alone has no statement; two numbers on a line are ambiguous', () => {
    const parsed = parseFlagReply('VT-2025-014\nVT-2025-015 en VT-2025-016: overlast', false);
    expect(parsed.lines).toEqual([{ number: 'VT-2025-014' }]);
    expect(parsed.ambiguous).toEqual(['VT-2025-015', 'VT-2025-016']);
  });

  it('ignores the quoted invitation (Outlook, Gmail, Thunderbird styles)', () => {
    const outlook = 'VT-2025-014: probleem\n\n________________________________\nVan: Vivendo <b@vivendo.example>\n2. Te bespreken dossiers\n- VT-2025-020';
    const gmail = 'VT-2025-014: probleem\n\nOp do 19 nov 2026 om 08:00 schreef Vivendo <b@vivendo.example>:\n> VT-2025-020';
    const thunderbird = 'VT-2025-014: probleem\n> VT-2025-020 in verlenging\n>> VT-2025-021';
    const english = 'VT-2025-014: probleem\n-----Original Message-----\nFrom: x\nVT-2025-020';
    for (const text of [outlook, gmail, thunderbird, english]) {
      expect(parseFlagReply(text, false).lines).toEqual([{ number: 'VT-2025-014', problem: 'probleem' }]);
    }
    expect(stripQuoted(gmail)).toBe('VT-2025-014: probleem\n');
  });

  it('a provider that already removed the quote (Graph uniqueBody) is read as is', () => {
    expect(parseFlagReply('> VT-2025-014: citaat of niet', true).lines).toEqual([{ number: 'VT-2025-014', problem: 'citaat of niet' }]);
  });

  it('the first line about a dossier counts', () => {
    expect(parseFlagReply('VT-2025-014: eerste\nVT-2025-014: tweede', false).lines).toEqual([{ number: 'VT-2025-014', problem: 'eerste' }]);
  });
});
