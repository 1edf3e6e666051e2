/**
 * The landlord's overview page (personal tab and browser): the report of the months [from, to],
 * exactly as the use case counts it (and `woonbegeleiding report --json` prints it). Landlord roles.
 */
import { z } from 'zod';
import { monthOf, nextMonth } from '../rules/calendar';
import { todayOf } from '../services/context';
import { getReport } from '../services/get-report';
import { userRoute, type ApiRoute } from './http';
import { month } from './schema-parts';

/** Default: the twelve months up to the current one (as the command). */
export const reportQuery = z.strictObject({ fromMonth: month.optional(), toMonth: month.optional() });

const counts = z.record(z.string(), z.number().int());
export const reportSchema = z.object({
  from: month,
  to: month,
  today: z.string(),
  trajectories: z.array(z.object({ partnerId: z.string(), byStatus: counts, total: z.number().int() })),
  milestones: z.array(z.object({ month, byKind: counts, due: z.number().int() })),
  overdue: z.object({ byKind: counts, total: z.number().int() }),
  extensions: z.array(z.object({ months: z.number().int(), count: z.number().int() })),
  closures: z.array(z.object({ quarter: z.string(), positive: z.number().int(), stopped: z.number().int() })),
  consultations: z.array(z.object({ month, held: z.number().int(), skipped: z.number().int(), awaitingConfirmation: z.number().int(), confirmed: z.number().int() })),
  signals: z.array(z.object({ category: z.string(), count: z.number().int() })),
});

export function reportRoutes(): ApiRoute[] {
  return [
    userRoute({
      method: 'get',
      path: '/api/report',
      operationId: 'getReport',
      summary: 'The state of all trajectories in numbers for the months [fromMonth, toMonth] (default: the twelve up to this one) (landlord roles): stages, milestones, extensions, closures, consultations, signals.',
      query: reportQuery,
      responses: {
        200: { description: 'The report (the same as `woonbegeleiding report --json`)', schema: reportSchema },
        400: { description: 'Invalid months (Dutch reason in detail)', problem: true },
        401: { description: 'No valid access token', problem: true },
        403: { description: 'Not a landlord role', problem: true },
      },
      handle: async ({ query }, { ctx }) => {
        const to = query.toMonth ?? monthOf(todayOf(ctx));
        return { status: 200, body: await getReport(ctx, { from: query.fromMonth ?? nextMonth(to, -11), to }) };
      },
    }),
  ];
}
