/**
 * The only contact with Microsoft Teams (@microsoft/teams-js): whether the page runs inside Teams, its
 * single sign-on token (validated by the API like any Entra token), and closing a dialog with a result.
 * Outside Teams (a plain browser) none of this is used: the page signs in with the development sign-in.
 */
import { app, authentication, dialog, meeting, pages } from '@microsoft/teams-js';

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

/** Inside a frame (Teams hosts tabs and dialogs in one): try to talk to Teams, briefly. */
export async function connectTeams(timeoutMs = 3000): Promise<TeamsHost | undefined> {
  if (window.self === window.top) return undefined;
  const initialized = await Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
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
