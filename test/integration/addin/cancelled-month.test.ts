/**
 * R-H over real HTTP: a landlord closed for all of August 2027. The consultation view of August says
 * it is cancelled, with the Dutch reason; September's says it takes over August's dossiers. The pane
 * (addin/web) shows both sentences as they come.
 */
import type { ConsultationView } from '../../../shared/api/schemas';
import { entraMember, startHarness, type Harness } from './harness';

let h: Harness;
const AUGUST_2027 = Array.from({ length: 31 }, (_, i) => `2027-08-${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  h = await startHarness();
  await h.world.store.landlords.update(h.world.landlord.id, (l) => ({ ...l, closingDays: AUGUST_2027 }));
  h.now = new Date('2027-07-01T10:00:00+02:00');
});
afterAll(() => h.close());

const view = async (month: string): Promise<ConsultationView> => {
  const response = await h.request('GET', `/api/consultations/de-vaart/${month}`, { token: await h.token(entraMember) });
  expect(response.status).toBe(200);
  return response.body as ConsultationView;
};

describe('R-H: a month cancelled by closing days, in the consultation view', () => {
  it('R-H: August 2027 is cancelled with the Dutch reason, takes no place and takes over nothing', async () => {
    const august = await view('2027-08');
    expect(august.cancelled).toBe(true);
    expect(august.takesPlace).toBe(false);
    expect(august.monthCancelled).toMatch(/^Het overleg van augustus 2027 vervalt: door de sluitingsdagen van de verhuurder/);
    expect(august.monthCancelled).toContain('De dossiers gaan naar het overleg van 30/09/2027.');
    expect(august.takesOver).toBeUndefined();
  });

  it("R-H: September 2027 takes over August's dossiers and says so; July is an ordinary month", async () => {
    const september = await view('2027-09');
    expect(september.monthCancelled).toBeUndefined();
    expect(september.meetingDate).toBe('2027-09-30');
    expect(september.takesOver).toEqual({
      months: ['2027-08'],
      description: 'Dit overleg neemt ook de dossiers van augustus 2027 op: het overleg van die maand vervalt door de sluitingsdagen van de verhuurder.',
    });
    const july = await view('2027-07');
    expect(july.monthCancelled).toBeUndefined();
    expect(july.takesOver).toBeUndefined();
  });
});
