/** What the pane shows, from the API's answers and the user's ticks (R13, R14, R15, R16). */
import { chooseTarget } from '../../../addin/web/logic/target';
import { buildView, keepSelectable, readyToSend, setDraft, toggle, type ViewInput } from '../../../addin/web/logic/view-state';
import { consultation, dossier, flagReason, me } from './fixtures';

const input = (overrides: Partial<ViewInput> = {}): ViewInput => ({
  consultation: consultation(),
  dossiers: [dossier('d2', 'VT-2025-002', 'Bram Claeys'), dossier('d1', 'VT-2025-001', 'Aïsha Vermeulen')],
  selection: {},
  problemMax: 500,
  source: 'invitation',
  showErrors: false,
  ...overrides,
});

describe('which consultation', () => {
  it('R13: the invitation’s reference wins', () => {
    expect(chooseTarget(me(), { partnerId: 'de-vaart', month: '2025-10' })).toEqual({ kind: 'consultation', partnerId: 'de-vaart', month: '2025-10', source: 'invitation' });
  });

  it('R13: the own organisation named in another case is the own organisation', () => {
    expect(chooseTarget(me(), { partnerId: 'De-Vaart', month: '2025-10' })).toMatchObject({ partnerId: 'de-vaart' });
  });

  it('a member reading another organisation’s invitation is told so and sees the own next consultation', () => {
    expect(chooseTarget(me(), { partnerId: 'de-linde', month: '2025-10' })).toEqual({ kind: 'consultation', partnerId: 'de-vaart', month: '2025-11', source: 'other-invitation' });
    const { partner: _none, ...landlord } = me({ user: { displayName: 'Alex Wilber', role: 'landlord-coordinator', roleLabel: 'coördinator' } });
    expect(chooseTarget(landlord, { partnerId: 'de-linde', month: '2025-10' })).toMatchObject({ partnerId: 'de-linde', source: 'invitation' });
  });

  it('R15: else the own organisation’s next open consultation', () => {
    expect(chooseTarget(me(), undefined)).toEqual({ kind: 'consultation', partnerId: 'de-vaart', month: '2025-11', source: 'next-of-partner' });
  });

  it('a landlord user without a reference has no consultation to show', () => {
    const { partner: _none, ...landlord } = me({ user: { displayName: 'Alex Wilber', role: 'landlord-coordinator', roleLabel: 'coördinator' } });
    expect(chooseTarget(landlord, undefined)).toEqual({ kind: 'no-partner' });
  });
});

describe('pane view', () => {
  it('R13, R16: the consultation’s date, source, partner and Teams link', () => {
    const view = buildView(input({ consultation: consultation({ teamsJoinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' }) }));
    expect(view.heading).toBe('Structureel overleg van donderdag 27/11/2025');
    expect(view.source).toBe('Het overleg uit deze uitnodiging.');
    expect(view.partner).toBe('Met Begeleidingsdienst De Vaart');
    expect(view.place).toEqual({ kind: 'link', before: 'Online, in Teams.', text: 'Deelnemen aan de vergadering in Teams', href: 'https://teams.microsoft.com/l/meetup-join/abc' });
    expect(view.deadline).toBe('Agenderen kan tot en met woensdag 26/11/2025.');
  });

  it('R16: in person, the landlord’s address', () => {
    const view = buildView(input({ consultation: consultation({ mode: 'in-person', address: 'Handboogstraat 2, bus 0013, 8200 Sint-Pieters (Brugge)' }) }));
    expect(view.place).toEqual({ kind: 'text', text: 'Op kantoor: Handboogstraat 2, bus 0013, 8200 Sint-Pieters (Brugge).' });
  });

  it('never makes a link of anything but https', () => {
    const view = buildView(input({ consultation: consultation({ teamsJoinUrl: 'javascript:alert(1)' }) }));
    expect(view.place).toEqual({ kind: 'text', text: 'Online, in Teams: de link staat in de uitnodiging.' });
  });

  it('R15, R16: a meeting that is over shows where it was, without a link or "de link staat in de uitnodiging"', () => {
    const over = { phase: 'over' as const, listClosed: true, takesPlace: true };
    expect(buildView(input({ consultation: consultation({ ...over, teamsJoinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' }) })).place).toEqual({ kind: 'text', text: 'Online, in Teams.' });
    expect(buildView(input({ consultation: consultation(over) })).place).toEqual({ kind: 'text', text: 'Online, in Teams.' });
    expect(buildView(input({ consultation: consultation({ ...over, mode: 'in-person', address: 'Handboogstraat 2' }) })).place).toEqual({ kind: 'text', text: 'Op kantoor: Handboogstraat 2.' });
    // Today the link still matters: it is how people join.
    const today = buildView(input({ consultation: consultation({ phase: 'today', listClosed: true, takesPlace: true, teamsJoinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' }) }));
    expect(today.place?.kind).toBe('link');
    expect(today.status).toBe('Het overleg is vandaag: er staan dossiers op de agenda.');
  });

  it('R15: a meeting that does not take place has no place line, and nothing can be ticked once it is over', () => {
    expect(buildView(input({ consultation: consultation({ listClosed: true, cancelled: true }) })).place).toBeUndefined();
    const view = buildView(input({ consultation: consultation({ phase: 'over', listClosed: true, takesPlace: true }), dossiers: [dossier('d-1', 'VT-2025-001')] }));
    expect(view.rows.map((r) => r.selectable)).toEqual([false]);
    expect(view.canAdd).toBe(false);
    expect(view.deadline).toBeUndefined();
  });

  it('R-H: says when the meeting moved', () => {
    expect(buildView(input({ consultation: consultation({ meetingMoved: 'verplaatst van 25/12/2025 wegens Kerstmis (wettelijke feestdag)' }) })).moved).toBe(
      'Datum verplaatst van 25/12/2025 wegens Kerstmis (wettelijke feestdag).',
    );
  });

  it("R-H: a month cancelled by closing days shows the reason; the next one says it takes over the cancelled month's dossiers", () => {
    const reason = 'Het overleg van augustus 2027 vervalt: door de sluitingsdagen van de verhuurder zou het op 30/07/2027 vallen.';
    const cancelled = buildView(input({ consultation: consultation({ monthCancelled: reason, cancelled: true, takesPlace: false }) }));
    expect(cancelled.monthCancelled).toBe(reason);
    expect(cancelled.takesOver).toBeUndefined();
    const description = 'Dit overleg neemt ook de dossiers van augustus 2027 op: het overleg van die maand vervalt door de sluitingsdagen van de verhuurder.';
    const next = buildView(input({ consultation: consultation({ takesOver: { months: ['2027-08'], description } }) }));
    expect(next.takesOver).toBe(description);
    expect(next.monthCancelled).toBeUndefined();
  });

  it('R14: one row per dossier by number, with why it is already on the list', () => {
    const view = buildView(
      input({
        consultation: consultation({
          takesPlace: true,
          toDiscuss: [
            { dossierId: 'd2', number: 'VT-2025-002', reasons: [{ type: 'signal', label: 'Signaal: agressie' }, flagReason('Overlast bij de buren')] },
            { dossierId: 'd9', number: 'VT-2025-009', reasons: [{ type: 'extension', label: 'In verlenging: wordt elke maand besproken' }] },
          ],
        }),
      }),
    );
    expect(view.rows.map((r) => [r.number, r.label, r.onAgenda, r.selectable])).toEqual([
      ['VT-2025-001', 'VT-2025-001, Aïsha Vermeulen', false, true],
      ['VT-2025-002', 'VT-2025-002, Bram Claeys', true, false],
      // On the list but not among the dossiers (no tenant name known): shown by number.
      ['VT-2025-009', 'VT-2025-009', true, true],
    ]);
    const flagged = view.rows[1];
    expect(flagged?.flag).toEqual({ text: 'Geagendeerd: Overlast bij de buren', withdrawable: true, withdrawLabel: 'Agendering van VT-2025-002 intrekken' });
    expect(flagged?.otherReasons).toEqual(['Signaal: agressie']);
    expect(view.status).toBe('Het overleg gaat door: er staan dossiers op de agenda.');
  });

  it('[product] a flag set by the landlord cannot be withdrawn by the partner', () => {
    const view = buildView(input({ consultation: consultation({ toDiscuss: [{ dossierId: 'd1', number: 'VT-2025-001', reasons: [flagReason('Schade', true)] }] }) }));
    expect(view.rows[0]?.flag).toMatchObject({ text: 'Geagendeerd door de verhuurder: Schade', withdrawable: false });
  });

  it('R15: after the deadline nothing can be ticked or withdrawn, and the pane says so', () => {
    const view = buildView(
      input({
        consultation: consultation({
          listClosed: true,
          takesPlace: true,
          nextConsultation: { month: '2025-12', meetingDate: '2025-12-24', lastFlagDay: '2025-12-23' },
          toDiscuss: [{ dossierId: 'd1', number: 'VT-2025-001', reasons: [flagReason('Schade')] }],
        }),
        selection: { d2: 'iets' },
      }),
    );
    expect(view.rows.every((r) => !r.selectable && !r.selected)).toBe(true);
    expect(view.rows[0]?.flag?.withdrawable).toBe(false);
    expect(view.canAdd).toBe(false);
    expect(view.hint).toBe('Agenderen kan niet meer voor dit overleg.');
    expect(view.closed?.text).toContain('Het volgende overleg is op woensdag 24/12/2025');
  });

  it('a ticked dossier gets a labelled problem field with a counter; errors show after trying to add', () => {
    const ticked = toggle({}, 'd1');
    let view = buildView(input({ selection: ticked }));
    expect(view.rows[0]?.problem).toEqual({ label: 'Probleem bij VT-2025-001', value: '', counter: '0/500 tekens', over: false });
    expect(view.addLabel).toBe('1 dossier agenderen');
    expect(view.canAdd).toBe(true);

    view = buildView(input({ selection: ticked, showErrors: true }));
    expect(view.rows[0]?.problem?.error).toBe('Beschrijf kort het concrete probleem dat besproken moet worden.');

    // Too long shows at once: the counter alone is easy to miss.
    view = buildView(input({ selection: setDraft(ticked, 'd1', 'x'.repeat(501)) }));
    expect(view.rows[0]?.problem?.error).toBe('De omschrijving van het probleem is te lang (hoogstens 500 tekens).');
    expect(view.rows[0]?.problem?.over).toBe(true); // the counter turns red
  });

  it('with no dossiers, says so', () => {
    expect(buildView(input({ dossiers: [] })).empty).toBe('Je organisatie heeft geen lopende dossiers.');
  });
});

describe('selection', () => {
  it('toggles and keeps drafts per dossier', () => {
    let s = toggle({}, 'd1');
    s = setDraft(s, 'd1', 'Probleem');
    s = setDraft(s, 'd2', 'not ticked: ignored');
    expect(s).toEqual({ d1: 'Probleem' });
    expect(toggle(s, 'd1')).toEqual({});
  });

  it('R13b: nothing is sent unless every ticked dossier has a valid statement', () => {
    expect(readyToSend({}, 500)).toEqual({ ok: false });
    expect(readyToSend({ d1: 'Probleem', d2: ' ' }, 500)).toEqual({ ok: false });
    expect(readyToSend({ d1: 'Probleem', d2: 'x'.repeat(501) }, 500)).toEqual({ ok: false });
    expect(readyToSend({ d1: 'Probleem', d2: 'Ander probleem' }, 500)).toEqual({
      ok: true,
      flags: [
        { dossierId: 'd1', problem: 'Probleem' },
        { dossierId: 'd2', problem: 'Ander probleem' },
      ],
    });
  });

  it('after a reload, ticks of dossiers that are flagged now are dropped', () => {
    const view = buildView(input({ consultation: consultation({ toDiscuss: [{ dossierId: 'd1', number: 'VT-2025-001', reasons: [flagReason('x')] }] }) }));
    expect(keepSelectable({ d1: 'x', d2: 'y' }, view)).toEqual({ d2: 'y' });
  });
});
