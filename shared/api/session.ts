/**
 * From a validated identity to the acting user and a service context (one per request): the user is
 * looked up by Entra tenant + object id (resolve-user), the notifier from the composition root goes
 * in, so a flag made in Outlook updates the partner's Teams card.
 */
import type { SurfaceDeps } from '../server/app-deps';
import type { SurfaceServices } from '../services/surface-services';
import { NoAccessError, type Session } from './http';

export async function sessionOf(
  deps: Pick<SurfaceDeps, 'clock' | 'notifier' | 'logger'>,
  services: SurfaceServices,
  identity: { tenantId: string; objectId: string },
): Promise<Session> {
  const resolved = await services.identify(identity);
  if (resolved.status !== 'known') throw new NoAccessError(resolved.reason);
  const { user, landlord, partner } = resolved;
  const ctx = services.contextFor(landlord, user, {
    now: deps.clock().toISOString(),
    notifier: deps.notifier,
    // Ids and codes only (ServiceLogger's contract): never names or problem statements.
    log: { warn: (fields, message) => deps.logger.warn(fields, message) },
  });
  return { user, landlord, ctx, ...(partner ? { partner } : {}) };
}
