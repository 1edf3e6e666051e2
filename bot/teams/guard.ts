/**
 * Who may talk to the bot at all, before any handler runs (issue: item 1):
 * - local mode: no tokens, so only requests from this machine (loopback), and replies only to a
 *   loopback service URL (the Agents Playground, a test connector);
 * - azure mode: the SDK validates the token; the SDK does not check the Entra tenant, so the
 *   activity's `channelData.tenant.id` must be on ALLOWED_TENANT_IDS (checked in every mode when set).
 */
import type { Activity } from 'botbuilder';
import type { Config } from '../../shared/config';
import { isHttpsUrl, isLoopbackUrl } from './connector';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (LOOPBACK_ADDRESSES.has(address) || /^::ffff:127\./.test(address) || /^127\./.test(address));

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  const fromConversation = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation ? fromConversation : undefined;
}

export type Refusal = 'channel' | 'tenant' | 'service-url';

/** Why an authenticated activity is refused, or undefined when it may be handled. */
export function refusalOf(activity: Partial<Activity>, config: Pick<Config, 'WOONBEGELEIDING_MODE' | 'ALLOWED_TENANT_IDS'>): Refusal | undefined {
  if (activity.channelId !== 'msteams') return 'channel';
  const tenant = tenantOf(activity);
  if (config.ALLOWED_TENANT_IDS.length > 0 && (!tenant || !config.ALLOWED_TENANT_IDS.includes(tenant))) return 'tenant';
  if (config.WOONBEGELEIDING_MODE === 'azure' && config.ALLOWED_TENANT_IDS.length === 0) return 'tenant'; // fail closed
  const serviceUrl = activity.serviceUrl ?? '';
  const allowed = config.WOONBEGELEIDING_MODE === 'local' ? isLoopbackUrl(serviceUrl) : isHttpsUrl(serviceUrl);
  return allowed ? undefined : 'service-url';
}

/** An activity's type for a log line: it comes from the request, so only a plain word is kept. */
export const loggableType = (type: unknown): string => (typeof type === 'string' && /^[A-Za-z]{1,30}$/.test(type) ? type : 'other');
