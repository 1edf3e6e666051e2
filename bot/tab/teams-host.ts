/**
 * The only contact with Microsoft Teams (@microsoft/teams-js): whether the page runs inside Teams, its
 * single sign-on token (validated by the API like any Entra token), and closing a dialog with a result.
 * Outside Teams (a plain browser) none of this is used: the page signs in with the development sign-in.
 */
import { app, authentication, dialog } from '@microsoft/teams-js';

export interface TeamsHost {
  token(): Promise<string>;
  /** In a dialog: close it and hand the bot the result. */
  submit(result: object): void;
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
  return {
    token: () => authentication.getAuthToken(),
    submit: (result) => {
      try {
        dialog.url.submit(result);
      } catch {
        // not a dialog (the tab): nothing to close
      }
    },
  };
}
