/** R15 in the pane: until when flags are accepted, whether the consultation takes place, the closed list. */
import { deadlineLines } from '../../../addin/web/logic/deadline';
import { consultation } from './fixtures';

describe('deadline messages (R15)', () => {
  it('R15: before the deadline, the last day to flag (the day before the meeting)', () => {
    expect(deadlineLines(consultation())).toEqual({
      deadline: 'Agenderen kan tot en met woensdag 26/11/2025.',
      status: expect.stringContaining('Voorlopig staat er niets op de agenda van het structureel overleg van 27/11/2025'),
    });
  });

  it('R15: with something to discuss the consultation takes place', () => {
    expect(deadlineLines(consultation({ takesPlace: true })).status).toBe('Het overleg gaat door: er staan dossiers op de agenda.');
  });

  it('R15: after the deadline the list is closed and the next consultation is named', () => {
    const lines = deadlineLines(
      consultation({ listClosed: true, takesPlace: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } }),
    );
    expect(lines.deadline).toBeUndefined();
    expect(lines.closed).toEqual({
      title: 'Agenda afgesloten',
      text: 'De agenda van dit overleg is afgesloten. Het volgende overleg is op woensdag 24/12/2025; daarvoor kan je agenderen tot en met dinsdag 23/12/2025.',
    });
  });

  it('R15: on the meeting day the consultation "is vandaag"; the list is closed and the next one named', () => {
    const lines = deadlineLines(consultation({ phase: 'today', listClosed: true, takesPlace: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } }));
    expect(lines.status).toBe('Het overleg is vandaag: er staan dossiers op de agenda.');
    expect(lines.closed?.title).toBe('Agenda afgesloten');
  });

  it('R15: a meeting that is over "vond plaats": no "gaat door", no deadline, only the next consultation', () => {
    const lines = deadlineLines(consultation({ phase: 'over', listClosed: true, takesPlace: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } }));
    expect(lines).toEqual({
      status: 'Het overleg vond plaats op donderdag 27/11/2025.',
      closed: { title: 'Overleg voorbij', text: 'Het volgende overleg is op woensdag 24/12/2025; daarvoor kan je agenderen tot en met dinsdag 23/12/2025.' },
    });
    expect(JSON.stringify(lines)).not.toMatch(/gaat door|afgesloten/);
  });

  it('R15: a meeting that is over and did not take place says so in the past', () => {
    expect(deadlineLines(consultation({ phase: 'over', listClosed: true, cancelled: true })).status).toBe(
      'Het structureel overleg van 27/11/2025 ging niet door: er waren geen dossiers te bespreken.',
    );
  });

  it('R15: closed with nothing to discuss, the consultation does not take place', () => {
    const lines = deadlineLines(
      consultation({ listClosed: true, cancelled: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } }),
    );
    expect(lines.status).toBe('Het structureel overleg van 27/11/2025 gaat niet door: er zijn geen dossiers te bespreken.');
  });
});
