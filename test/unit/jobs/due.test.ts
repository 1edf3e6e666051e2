/** What is due when (pure): the protocol calendar's windows, slots, moments and settings. */
import { conclusionMonths } from '../../../shared/jobs/conclusions';
import type { LandlordRun } from '../../../shared/jobs/context';
import { deadlineDue } from '../../../shared/jobs/deadline';
import { errorCode } from '../../../shared/jobs/effects';
import { invitationDue } from '../../../shared/jobs/invitation';
import { visitsToPlan } from '../../../shared/jobs/milestones';
import { DEFAULT_JOB_SETTINGS, loadJobSettings } from '../../../shared/jobs/settings';
import { slotOf, slotStart } from '../../../shared/jobs/slots';
import { atBrussels, parseMoment } from '../../../shared/jobs/time';
import { GraphCallError } from '../../../shared/graph/client';
import { brusselsDate, monthCalendar } from '../../../shared/rules/calendar';
import { DomainError } from '../../../shared/rules/errors';
import type { LandlordConfig, Partner } from '../../../shared/rules/types';
import { activeDossier } from '../rules/dossier-fixtures';

const calendar = { closingDays: [] as string[] };
const runAt = (local: string, closingDays: string[] = []) => {
  const now = parseMoment(local) as string;
  return { now, today: brusselsDate(now), calendar: { closingDays }, deps: { settings: DEFAULT_JOB_SETTINGS } } as unknown as LandlordRun;
};

describe('R13: invitation day', () => {
  it('is due from 07:00 on the second-to-last Thursday until the flag deadline', () => {
    expect(invitationDue(runAt('2026-11-19T06:59'))).toBeUndefined();
    expect(invitationDue(runAt('2026-11-19T07:00'))?.month).toBe('2026-11');
    expect(invitationDue(runAt('2026-11-25T23:59'))?.month).toBe('2026-11'); // a server that was down catches up
    expect(invitationDue(runAt('2026-11-26T00:00'))).toBeUndefined();
    expect(invitationDue(runAt('2026-11-18T12:00'))).toBeUndefined();
  });

  it('R-H: follows a moved invitation date (Ascension 22/05/2031 → 21/05/2031)', () => {
    expect(invitationDue(runAt('2031-05-21T07:00'))?.invitationDate).toBe('2031-05-21');
    expect(invitationDue(runAt('2031-05-20T23:00'))).toBeUndefined();
  });
});

describe('R15: the flag deadline', () => {
  it('is due from 00:00 on the meeting day until that day ends', () => {
    expect(deadlineDue(runAt('2026-11-25T23:59'))).toBeUndefined();
    expect(deadlineDue(runAt('2026-11-26T00:00'))?.meetingDate).toBe('2026-11-26');
    expect(deadlineDue(runAt('2026-11-26T23:59'))?.meetingDate).toBe('2026-11-26');
    expect(deadlineDue(runAt('2026-11-27T00:00'))).toBeUndefined();
  });

  it('R-H: on the moved meeting day (24/12/2025, Christmas)', () => {
    expect(deadlineDue(runAt('2025-12-24T00:00'))?.flagDeadline).toBe('2025-12-24T00:00:00+01:00');
    expect(deadlineDue(runAt('2025-12-25T08:00'))).toBeUndefined();
  });
});

describe('R16: the months whose conclusions are followed up', () => {
  it('from the meeting day on, for about two months', () => {
    expect(conclusionMonths(runAt('2026-11-25T12:00'))).toEqual(['2026-09', '2026-10']);
    expect(conclusionMonths(runAt('2026-11-26T12:00'))).toEqual(['2026-10', '2026-11']);
    expect(conclusionMonths(runAt('2027-01-02T12:00'))).toEqual(['2026-11', '2026-12']);
  });
});

describe('R17, R19: visits to plan', () => {
  it('the 3-month visit and the final evaluation, from 28 days ahead until their day', () => {
    const d = activeDossier({ leaseStart: '2026-08-15' }); // visit due 15/11/2026
    expect(visitsToPlan(d, '2026-10-17', 28, calendar)).toEqual([]);
    expect(visitsToPlan(d, '2026-10-18', 28, calendar).map((m) => [m.kind, m.due])).toEqual([['home-visit-3m', '2026-11-15']]);
    expect(visitsToPlan(d, '2026-11-16', 28, calendar)).toEqual([]);
    const ending = activeDossier({ leaseStart: '2025-12-01' });
    expect(visitsToPlan(ending, '2026-11-10', 28, calendar).map((m) => m.kind)).toEqual(['final-evaluation']);
    expect(visitsToPlan({ ...ending, status: 'closed-positive' }, '2026-11-10', 28, calendar)).toEqual([]);
  });
});

describe('[product] consultation slots', () => {
  const partner = (id: string, meetingMode: Partner['meetingMode'] = 'teams') =>
    ({ id, landlordId: 'l', name: id, contact: { phone: '', email: '', officeHours: '' }, meetingMode }) as Partner;
  const partners = [partner('woonkracht'), partner('de-vaart'), partner('de-linde', 'in-person')];
  const landlord = { officeAddress: 'Handboogstraat 2' } as LandlordConfig;
  const cal = monthCalendar('2026-11', calendar);

  it('consecutive slots in the order of partner ids, the same whoever has dossiers', () => {
    expect(slotOf(partners, partners[2] as Partner, cal, landlord, DEFAULT_JOB_SETTINGS)).toEqual({
      meetingDate: '2026-11-26',
      startTime: '09:30',
      endTime: '10:15',
      mode: 'in-person',
      address: 'Handboogstraat 2',
    });
    const woonkracht = slotOf(partners, partners[0] as Partner, cal, landlord, DEFAULT_JOB_SETTINGS);
    expect([woonkracht.startTime, woonkracht.endTime, woonkracht.address]).toEqual(['11:00', '11:45', undefined]);
    expect(slotStart(woonkracht)).toBe('2026-11-26T11:00:00+01:00');
  });
});

describe('moments and settings', () => {
  it('a moment without offset is Brussels time; with one, kept', () => {
    expect(parseMoment('2026-11-19T08:00')).toBe('2026-11-19T08:00:00+01:00');
    expect(parseMoment('2026-07-01T08:00')).toBe('2026-07-01T08:00:00+02:00');
    expect(parseMoment('2026-11-19T07:00:00Z')).toBe('2026-11-19T07:00:00Z');
    expect(parseMoment('2026-11-19')).toBe('2026-11-19T00:00:00+01:00');
    expect(parseMoment('19/11/2026')).toBeUndefined();
    expect(parseMoment('2026-02-30T08:00')).toBeUndefined();
    expect(atBrussels('2026-03-29', '03:00')).toBe('2026-03-29T03:00:00+02:00');
  });

  it('local by default (file outbox); Graph in azure mode, which needs the mailbox and the app registration', () => {
    expect(loadJobSettings({})).toMatchObject({ mode: 'local', transport: 'outbox', schedulerEnabled: true });
    expect(() => loadJobSettings({ WOONBEGELEIDING_MODE: 'azure' })).toThrow(/LANDLORD_MAILBOX/);
    const azure = loadJobSettings({
      WOONBEGELEIDING_MODE: 'azure',
      LANDLORD_MAILBOX: 'woonbegeleiding@vivendo.be',
      GRAPH_TENANT_ID: 't',
      GRAPH_CLIENT_ID: 'c',
      GRAPH_CLIENT_SECRET: 's',
      SCHEDULER_ENABLED: 'false',
    });
    expect(azure).toMatchObject({ transport: 'graph', schedulerEnabled: false, mailboxOverride: { vivendo: 'woonbegeleiding@vivendo.be' } });
    expect(azure.graph).toEqual({ baseUrl: 'https://graph.microsoft.com', tenantId: 't', clientId: 'c', clientSecret: 's', organizer: 'woonbegeleiding@vivendo.be' });
    expect(() => loadJobSettings({ GRAPH_BASE_URL: 'http://graph.example' })).toThrow(/GRAPH_BASE_URL/);
    expect(() => loadJobSettings({ CONSULTATION_START: '9u30' })).toThrow(/CONSULTATION_START/);
  });

  it('errors are recorded by code, never by message', () => {
    expect(errorCode(new GraphCallError(503, 'ServiceUnavailable'))).toBe('graph-503-ServiceUnavailable');
    expect(errorCode(new DomainError('conflict', 'Tekst met een naam'))).toBe('conflict');
    expect(errorCode(new TypeError('x'))).toBe('TypeError');
  });
});
