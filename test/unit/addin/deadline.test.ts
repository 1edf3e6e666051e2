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

  it('R15: closed with nothing to discuss, the consultation does not take place', () => {
    const lines = deadlineLines(
      consultation({ listClosed: true, cancelled: true, nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' } }),
    );
    expect(lines.status).toBe('Het structureel overleg van 27/11/2025 gaat niet door: er zijn geen dossiers te bespreken.');
  });
});
