/**
 * The only contact with Microsoft Teams (@microsoft/teams-js): whether the page runs inside Teams, its
 * single sign-on token (validated by the API like any Entra token), and closing a dialog with a result.
 * Outside Teams (a plain browser) none of this is used: the page signs in with the development sign-in.
 */
import { app, authentication, dialog, meeting, pages } from '@microsoft/teams-js';
import { hostFrame } from './logic/host-frame';

export interface TeamsHost {
  token(): Promise<string>;
  /** In a dialog: close it and hand the bot the result. */
  submit(result: object): void;
  /** Where Teams shows the page: 'content' (a tab), 'sidePanel' or 'meetingStage' (a meeting), 'settings' (configuring). */
  frameContext?: string;
  /** In a meeting's side panel: show `url` to everyone on the meeting stage. */
  shareToStage(url: string): Promise<void>;
  /** Configuring a tab: the page it opens, and what it is called; Save is allowed once this is set. */
  configure(settings: { contentUrl: string; entityId: string; suggestedDisplayName: string }): Promise<void>;
}

/**
 * Inside a frame (Teams hosts tabs and dialogs in one): try to talk to Teams; with `timeoutMs`, give up
 * after that long (without, wait for as long as it takes).
 */
export async function connectTeams(timeoutMs?: number): Promise<TeamsHost | undefined> {
  if (window.self === window.top) return undefined;
  const answered = app.initialize().then(
    () => true,
    () => false,
  );
  const initialized = await (timeoutMs === undefined ? answered : Promise.race([answered, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))]));
  if (!initialized) return undefined;
  const context = await app.getContext().catch(() => undefined);
  return {
    ...(context?.page.frameContext ? { frameContext: context.page.frameContext } : {}),
    token: () => authentication.getAuthToken(),
    shareToStage: (url) =>
      new Promise<void>((resolve, reject) => {
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? 'share failed')) : resolve()), url);
      }),
    configure: async (settings) => {
      pages.config.registerOnSaveHandler((save) => {
        pages.config.setConfig({ ...settings, websiteUrl: settings.contentUrl }).then(
          () => save.notifySuccess(),
          (e: unknown) => save.notifyFailure(e instanceof Error ? e.message : String(e)),
        );
      });
      pages.config.setValidityState(true);
    },
    submit: (result) => {
      try {
        dialog.url.submit(result);
      } catch {
        // not a dialog (the tab): nothing to close
      }
    },
  };
}

/** How long a Microsoft 365 host may take to answer before the page goes on without Teams. */
const MICROSOFT_365_ANSWER_MS = 3000;

/**
 * Hands `show` the page's host, so that no first load waits for teams-js where Teams is not the host.
 * Its own window: at once, without Teams. Framed by Microsoft 365 (Teams, Outlook, microsoft365.com):
 * after teams-js answered, which it does at once there (without an answer in 3 s, without Teams), so a
 * Teams user never sees the browser's sign-in first. Framed by anything else: at once without Teams,
 * and again with Teams if teams-js answers after all (`show` should then start over). `data-teams` on
 * <html> says where that stands: pending, ready, absent.
 */
export async function watchTeamsHost(show: (teams: TeamsHost | undefined) => void): Promise<void> {
  const setState = (state: 'pending' | 'ready' | 'absent') => (document.documentElement.dataset.teams = state);
  const frame = hostFrame(window, document.referrer);
  if (frame === 'top') {
    setState('absent');
    show(undefined);
    return;
  }
  setState('pending');
  if (frame === 'microsoft365') {
    const teams = await connectTeams(MICROSOFT_365_ANSWER_MS);
    setState(teams ? 'ready' : 'absent');
    show(teams);
    return;
  }
  show(undefined);
  const teams = await connectTeams();
  setState(teams ? 'ready' : 'absent');
  if (teams) show(teams);
}
