/**
 * Which host frames a tab page, read without waiting on anyone: the page's own window, a frame of a
 * Microsoft 365 host (Teams, Outlook, microsoft365.com, where teams-js answers), or a frame of anything
 * else (a portal, a test's stand-in), where teams-js may never answer. The framing origin comes from
 * `location.ancestorOrigins` (Chromium, Safari) or else the referrer (the framing page's address, or its
 * origin under the usual referrer policy). Pure: bot/tab/teams-host.ts acts on it.
 */

export type HostFrame = 'top' | 'microsoft365' | 'other';

/** The hosts of teams-js apps (its own list of valid origins, by their registrable domains). */
const MICROSOFT_365_DOMAINS = [
  'teams.microsoft.com',
  'teams.microsoft.us',
  'teams.live.com',
  'outlook.live.com',
  'office.com',
  'office365.com',
  'office365.us',
  'office.net',
  'microsoft365.com',
  'cloud.microsoft',
  'apps.mil',
];

/** An https origin of a Microsoft 365 host (teams-js talks to https hosts only). */
export function isMicrosoft365Origin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return MICROSOFT_365_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export interface FrameWindow {
  self: unknown;
  top: unknown;
  location: { ancestorOrigins?: ArrayLike<string> };
}

export function hostFrame(win: FrameWindow, referrer: string): HostFrame {
  if (win.self === win.top) return 'top';
  const origin = win.location.ancestorOrigins?.[0] ?? referrer;
  return origin && isMicrosoft365Origin(origin) ? 'microsoft365' : 'other';
}
