/** The Dutch summary of the flags inserted into the reply (compose mode): text and escaped HTML (R13b, R15). */
import { flagSummary } from '../../../addin/web/logic/summary';
import { consultation, flagReason } from './fixtures';

describe('flag summary', () => {
  it('lists the flags by dossier number with their problem statements, without tenant names', () => {
    const c = consultation({
      toDiscuss: [
        { dossierId: 'd1', number: 'VT-2025-001', reasons: [flagReason('Huurachterstand van drie maanden')] },
        { dossierId: 'd2', number: 'VT-2025-002', reasons: [{ type: 'extension', label: 'In verlenging' }] },
        { dossierId: 'd3', number: 'VT-2025-003', reasons: [{ type: 'signal', label: 'Signaal' }, flagReason('Geen medewerking bij huisbezoek')] },
      ],
    });
    expect(flagSummary(c).text).toBe(
      [
        'Te bespreken op het structureel overleg van donderdag 27/11/2025:',
        '- VT-2025-001: Huurachterstand van drie maanden',
        '- VT-2025-003: Geen medewerking bij huisbezoek',
        '',
      ].join('\n'),
    );
  });

  it('escapes the problem statements in the HTML version', () => {
    const c = consultation({ toDiscuss: [{ dossierId: 'd1', number: 'VT-2025-001', reasons: [flagReason('<b>lek</b> & "schade"')] }] });
    const { html } = flagSummary(c);
    expect(html).toContain('<li>VT-2025-001: &lt;b&gt;lek&lt;/b&gt; &amp; &quot;schade&quot;</li>');
    expect(html).not.toContain('<b>');
  });

  it('says when nothing is on the list yet', () => {
    expect(flagSummary(consultation()).text).toBe('Voor het structureel overleg van donderdag 27/11/2025 staan nog geen dossiers op de agenda.\n');
  });

  it('R15: after the deadline it names the next consultation', () => {
    const c = consultation({ listClosed: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } });
    expect(flagSummary(c).text).toContain('De agenda is afgesloten; het volgende overleg is op woensdag 24/12/2025.');
  });
});
