/** The e-mails' contents against the protocol (R10, R13, R15, R16, R-H): pure renderers. */
import { buildAgenda } from '../../../shared/rules/agenda';
import { monthCalendar } from '../../../shared/rules/calendar';
import type { Dossier, Flag, Signal } from '../../../shared/rules/types';
import { renderInvitation } from '../../../shared/mail/render-invitation';
import { renderCancellation } from '../../../shared/mail/render-cancellation';
import { renderConclusions } from '../../../shared/mail/render-conclusions';
import { renderInformationReminder } from '../../../shared/mail/render-information-reminder';
import { renderReplyAck } from '../../../shared/mail/render-reply-ack';
import type { ConsultationSlot } from '../../../shared/jobs/ports';
import { activeDossier, candidacy } from '../rules/dossier-fixtures';

const P = 'cawb';
const landlord = { name: 'Vivendo' };
const partner = { name: 'CAW & "Partners" <Brugge>' };
const ref = `[WB:${P}:2026-11]`;
const dossiers: Dossier[] = [
  activeDossier({ id: 'd1', number: 'VT-2025-014', leaseStart: '2025-10-26' }),
  activeDossier({ id: 'd2', number: 'VT-2025-020', status: 'extended', extensions: [{ months: 3, decidedOn: '2026-02-26' }] }),
  activeDossier({ id: 'd3', number: 'AW-2026-003', kind: 'other', leaseStart: '2026-09-01' }),
  candidacy({ id: 'd4', number: 'VT-2026-030', tenant: { name: 'Geheime Huurder' } }),
];
const flag: Flag = {
  dossierId: 'd1',
  partnerId: P,
  month: '2026-11',
  problem: '<script>alert("x")</script> & huur niet betaald',
  flaggedBy: 'u1',
  flaggedAt: '2026-11-20T10:00:00+01:00',
  source: 'email',
};
const signal: Signal = {
  id: 's1',
  dossierId: 'd1',
  partnerId: P,
  category: 'liveability',
  description: 'Beschrijving die nooit in een mail mag',
  raisedBy: 'u1',
  raisedAt: '2026-11-02T09:00:00+01:00',
  basis: 'consent',
};

const agendaAt = (month: string, now: string, withFlag = true) =>
  buildAgenda({ partnerId: P, month, dossiers, signals: [signal], flags: withFlag ? [{ ...flag, month }] : [], visits: [], contactLog: [], now }, { closingDays: [] });

const teamsSlot: ConsultationSlot = { meetingDate: '2026-11-26', startTime: '09:30', endTime: '10:15', mode: 'teams', joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc?x=1&y=2' };

describe('R13: the invitation', () => {
  const mail = renderInvitation({ landlord, partner, agenda: agendaAt('2026-11', '2026-11-19T08:00:00+01:00'), slot: teamsSlot, reference: ref });

  it('R12, R13: subject with the meeting date and the reference the add-in reads', () => {
    expect(mail.subject).toBe('Uitnodiging structureel overleg woonbegeleiding van 26/11/2026 [WB:cawb:2026-11]');
    expect(mail.text).toContain('Referentie: [WB:cawb:2026-11]');
    expect(mail.html).toContain('[WB:cawb:2026-11]');
  });

  it('R12: date and time of the consultation', () => {
    expect(mail.text).toContain('donderdag 26 november 2026, van 09:30 tot 10:15 uur');
  });

  it('R13: the three parts of the agenda, with dossier numbers and the reasons to discuss', () => {
    const overview = mail.text.indexOf('1. Overzicht van de lopende dossiers');
    const discuss = mail.text.indexOf('2. Te bespreken dossiers');
    const other = mail.text.indexOf('3. Andere woonbegeleidingen');
    expect(overview).toBeGreaterThan(0);
    expect(discuss).toBeGreaterThan(overview);
    expect(other).toBeGreaterThan(discuss);
    const part2 = mail.text.slice(discuss, other);
    expect(part2).toContain('VT-2025-014');
    expect(part2).toContain('Signaal: leefbaarheid in het gedrang (02/11/2026)');
    expect(part2).toContain(`Geagendeerd door de partner: ${flag.problem}`);
    expect(part2).toContain('VT-2025-020');
    expect(part2).toContain('In verlenging');
    expect(mail.text.slice(other)).toContain('AW-2026-003');
    expect(mail.text.slice(overview, discuss)).toContain('VT-2026-030');
    expect(mail.html).toContain('<h2 style="font-size:16px;margin:20px 0 8px">2. Te bespreken dossiers</h2>');
  });

  it('least data: dossier numbers, no tenant names, no signal descriptions', () => {
    for (const d of dossiers) {
      expect(mail.text).not.toContain(d.tenant.name);
      expect(mail.html).not.toContain(d.tenant.name);
    }
    expect(mail.text).not.toContain(signal.description);
  });

  it('user text is escaped in the HTML part (problem statement, partner name); the link is an attribute-safe https link', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; huur niet betaald');
    expect(mail.html).toContain('CAW &amp; &quot;Partners&quot; &lt;Brugge&gt;');
    expect(mail.html).toContain('<a href="https://teams.microsoft.com/l/meetup-join/abc?x=1&amp;y=2">');
    expect(mail.text).toContain(flag.problem); // the plain part shows it as written
  });

  it('R16: the Teams link, or in person the landlord office address', () => {
    expect(mail.text).toContain('Microsoft Teams');
    expect(mail.text).toContain(teamsSlot.joinUrl);
    const inPerson = renderInvitation({
      landlord,
      partner,
      agenda: agendaAt('2026-11', '2026-11-19T08:00:00+01:00'),
      slot: { ...teamsSlot, mode: 'in-person', joinUrl: undefined, address: 'Handboogstraat 2, bus 0013, Sint-Pieters, Brugge' },
      reference: ref,
    });
    expect(inPerson.text).toContain('op het kantoor van de verhuurder: Handboogstraat 2, bus 0013, Sint-Pieters, Brugge');
    expect(inPerson.text).not.toContain('Teams-vergadering');
  });

  it('R15: the flag deadline and how to flag (reply with numbers, or the add-in)', () => {
    expect(mail.text).toContain('Agenderen kan tot en met 25/11/2026 (uiterlijk 26/11/2026 00:00)');
    expect(mail.text).toContain('Antwoord op deze e-mail met per regel het dossiernummer');
    expect(mail.text).toContain('VT-2025-014: afspraken aan huis worden niet nagekomen');
    expect(mail.text).toContain('invoegtoepassing Woonbegeleiding in Outlook');
    expect(mail.text).toContain('gaat het overleg niet door');
  });

  it('R15: with nothing on the list yet, it says so and until when a dossier can be flagged', () => {
    const quiet = buildAgenda(
      { partnerId: P, month: '2026-11', dossiers: [dossiers[0] as Dossier], signals: [], flags: [], visits: [], contactLog: [], now: '2026-11-19T08:00:00+01:00' },
      { closingDays: [] },
    );
    const m = renderInvitation({ landlord, partner, agenda: quiet, slot: teamsSlot, reference: ref });
    expect(m.text).toContain('Voorlopig staat er geen dossier op de lijst');
    expect(m.text).toContain('tot en met 25/11/2026');
  });

  it('R-H: a moved meeting date is announced (25/12/2025 → 24/12/2025, Kerstmis)', () => {
    const agenda = agendaAt('2025-12', '2025-12-18T08:00:00+01:00');
    const m = renderInvitation({ landlord, partner, agenda, slot: { ...teamsSlot, meetingDate: '2025-12-24' }, reference: '[WB:cawb:2025-12]' });
    expect(m.subject).toContain('24/12/2025');
    expect(m.text).toContain('woensdag 24 december 2025');
    expect(m.text).toContain('Let op: het overleg is verplaatst van 25/12/2025 wegens Kerstmis (wettelijke feestdag).');
  });

  it("R-H: the invitation after a cancelled month says it takes over that month's dossiers", () => {
    const august = { closingDays: Array.from({ length: 31 }, (_, i) => `2027-08-${String(i + 1).padStart(2, '0')}`) };
    const agenda = buildAgenda(
      { partnerId: P, month: '2027-09', dossiers: [dossiers[0] as Dossier], signals: [], flags: [], visits: [], contactLog: [], now: '2027-09-23T08:00:00+02:00' },
      august,
    );
    const m = renderInvitation({ landlord, partner, agenda, slot: { ...teamsSlot, meetingDate: '2027-09-30' }, reference: `[WB:${P}:2027-09]` });
    expect(m.text).toContain('Dit overleg neemt ook de dossiers van augustus 2027 op: het overleg van die maand vervalt door de sluitingsdagen van de verhuurder.');
    expect(m.html).toContain('augustus 2027');
  });

  it('is a complete HTML document in Dutch, and plain text without markup', () => {
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="nl-BE">/);
    expect(mail.text).not.toMatch(/<(p|h[12]|table|tr|td|ul|li|a|br|b|i|code)\b/);
  });
});

describe('R15: the consultation is off', () => {
  it('says the meeting does not take place, the Teams meeting is void and when the next one is', () => {
    const m = renderCancellation({ landlord, partner, calendar: monthCalendar('2026-11', { closingDays: [] }), next: monthCalendar('2026-12', { closingDays: [] }), mode: 'teams', reference: ref });
    expect(m.subject).toBe('Het structureel overleg van 26/11/2026 gaat niet door [WB:cawb:2026-11]');
    expect(m.text).toContain('gaat niet door: er zijn geen dossiers te bespreken');
    expect(m.text).toContain('De Teams-vergadering van dat overleg vervalt.');
    expect(m.text).toContain('Het volgende structureel overleg is gepland op 31/12/2026; de uitnodiging volgt op 24/12/2026.');
  });
});

describe('R16: conclusions for confirmation, and the reminder', () => {
  const consultation = {
    meetingDate: '2026-11-26',
    conclusions: [
      { dossierId: 'd1', summary: 'Afspraak: <b>wekelijks</b> huisbezoek & opvolging', decision: { kind: 'extend' as const, months: 6 } },
      { dossierId: 'd2', summary: 'Loopt goed', decision: { kind: 'end-positively' as const } },
    ],
  };
  const numbers = new Map([
    ['d1', 'VT-2025-014'],
    ['d2', 'VT-2025-020'],
  ]);

  it('lists each dossier with its conclusion and decision, escaped, and says how to confirm', () => {
    const m = renderConclusions({ landlord, partner, consultation, numbers, reference: ref });
    expect(m.subject).toBe('Conclusies van het structureel overleg van 26/11/2026: ter bevestiging [WB:cawb:2026-11]');
    expect(m.text).toContain('VT-2025-014 | Afspraak: <b>wekelijks</b> huisbezoek & opvolging | verlenging met 6 maanden');
    expect(m.text).toContain('VT-2025-020 | Loopt goed | traject wordt positief afgerond');
    expect(m.html).toContain('Afspraak: &lt;b&gt;wekelijks&lt;/b&gt; huisbezoek &amp; opvolging');
    expect(m.text).toContain('Bevestig de conclusies in Teams, of antwoord op deze e-mail');
  });

  it('the reminder says when they were sent', () => {
    const m = renderConclusions({ landlord, partner, consultation, numbers, reference: ref, reminderOf: { sentOn: '2026-11-26' } });
    expect(m.subject).toContain('Herinnering: conclusies van het structureel overleg van 26/11/2026 nog niet bevestigd');
    expect(m.text).toContain('Op 26/11/2026 bezorgden we je de conclusies');
  });
});

describe('R10 and R15: the other mails', () => {
  it('R10: the information reminder names the dossier number and the day, not the question', () => {
    const m = renderInformationReminder({ landlord, partner, dossierNumber: 'VT-2025-014', askedOn: '2026-11-02' });
    expect(m.subject).toBe('Herinnering: vraag om informatie over dossier VT-2025-014');
    expect(m.text).toContain('Op 02/11/2026 vroeg de verhuurder informatie');
  });

  it('R15: the acknowledgement of a reply says what became of each number', () => {
    const m = renderReplyAck({
      landlord,
      meetingDate: '2026-11-26',
      reference: ref,
      results: [
        { number: 'VT-2025-014', outcome: 'created' },
        { number: 'VT-2025-020', outcome: 'already-flagged' },
        { number: 'VT-2025-099', outcome: 'not-found' },
        { number: 'VT-2025-001', outcome: 'refused', reason: 'Agenderen kon tot en met <25/11/2026>.' },
      ],
    });
    expect(m.text).toContain('- VT-2025-014: staat op de agenda.');
    expect(m.text).toContain('- VT-2025-020: stond al op de agenda');
    expect(m.text).toContain('- VT-2025-099: dit dossiernummer vinden we niet');
    expect(m.html).toContain('&lt;25/11/2026&gt;');
  });
});
