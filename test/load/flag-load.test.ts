/**
 * The load run (scripts/load.ts), short for CI: 50 partner users flag and withdraw through the real
 * server for 8 s on the run's Azurite; afterwards, counted in storage: no 5xx, no flag lost or
 * duplicated, every confirmed action audited once. `npm run load` does 200 users for 60 s.
 */
import { brusselsDate } from '../../shared/rules/calendar';
import { runLoad } from '../../scripts/load/run';
import { createTestStore } from '../setup/test-store';

jest.setTimeout(60_000);

it('50 users for 8 s: no 5xx, no flag lost or duplicated', async () => {
  const store = await createTestStore();
  const result = await runLoad({ store, users: 50, seconds: 8, dossiers: 250, today: brusselsDate(new Date().toISOString()) });
  console.log(JSON.stringify(result));
  expect(result.requests).toBeGreaterThan(100);
  expect(result.serverErrors).toBe(0);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
  expect(result.missingAudit).toBe(0);
  // Valid requests of a user on its own dossiers: nothing but 200/201.
  expect(Object.keys(result.byStatus).every((k) => /^(POST 201|POST 200|DELETE 200)$/.test(k))).toBe(true);
});
