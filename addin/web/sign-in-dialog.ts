/**
 * The third way to the API token, for an Outlook with neither nested app authentication nor Office
 * single sign-on: an Office dialog (Office.context.ui.displayDialogAsync) opens our sign-in page on the
 * pane's own origin (addin/web/sign-in-page.ts). That page signs in with MSAL.js (redirect) and hands
 * the token back with Office.context.ui.messageParent; the pane takes it only from its own origin.
 * Closing the dialog, or Outlook refusing to open it, ends in a Dutch sentence. Pure apart from the
 * Office objects handed in (typed structurally, so tests can hand in their own).
 */
import { addinMessages as msg } from '../../shared/messages/addin';
import { SourceUnavailable, type TokenSource } from './sign-in';

/** Office.EventType's values (the enum is empty outside Office). */
export const DIALOG_MESSAGE_RECEIVED = 'dialogMessageReceived';
export const DIALOG_EVENT_RECEIVED = 'dialogEventReceived';

/** What the sign-in page tells the pane: the token, or that it could not get one. */
export type DialogAnswer = { kind: 'token'; accessToken: string } | { kind: 'failed' };

export const encodeDialogAnswer = (answer: DialogAnswer): string => JSON.stringify(answer);

export function decodeDialogAnswer(message: unknown): DialogAnswer | undefined {
  if (typeof message !== 'string') return undefined;
  try {
    const value = JSON.parse(message) as { kind?: unknown; accessToken?: unknown };
    if (value.kind === 'token' && typeof value.accessToken === 'string' && value.accessToken.length > 0) return { kind: 'token', accessToken: value.accessToken };
    if (value.kind === 'failed') return { kind: 'failed' };
  } catch {
    // not one of ours
  }
  return undefined;
}

/** Office's dialog error codes (12xxx) to a Dutch sentence. */
export function dialogProblem(code: unknown): string {
  switch (Number(code)) {
    case 12006: // the user closed the dialog
      return msg.signIn.dialog.closed;
    case 12007: // a dialog of this add-in is open already
      return msg.signIn.dialog.alreadyOpen;
    case 12009: // the user declined to open it (or a pop-up blocker)
    case 12011: // the browser's settings blocked it
      return msg.signIn.dialog.blocked;
    default:
      return msg.signIn.dialog.failed;
  }
}

interface DialogArg {
  message?: unknown;
  origin?: string;
  error?: number;
}

export interface DialogLike {
  addEventHandler(eventType: string, handler: (arg: DialogArg) => void): void;
  close(): void;
}

export interface OfficeUiLike {
  displayDialogAsync(url: string, options: { height: number; width: number; displayInIframe?: boolean }, callback: (result: { status: string; value: DialogLike; error?: { code?: number } }) => void): void;
}

/**
 * `pageUrl` is the sign-in page (same origin as the pane, as Office requires of a dialog's first page);
 * `origin` the pane's own, the only one whose messages count.
 */
export function dialogSource(ui: OfficeUiLike | undefined, pageUrl: string, origin: string): TokenSource {
  return {
    name: 'dialog',
    token: (entra) =>
      new Promise<string>((resolve, reject) => {
        if (!ui?.displayDialogAsync || !entra) return reject(new SourceUnavailable('dialog'));
        // A login page cannot be framed: a window of its own (percentages of the screen).
        ui.displayDialogAsync(pageUrl, { height: 60, width: 30, displayInIframe: false }, (result) => {
          if (result.status !== 'succeeded') return reject(new Error(dialogProblem(result.error?.code)));
          const dialog = result.value;
          let settled = false;
          const finish = (settle: () => void) => {
            if (settled) return;
            settled = true;
            try {
              dialog.close();
            } catch {
              // closed already
            }
            settle();
          };
          dialog.addEventHandler(DIALOG_MESSAGE_RECEIVED, (arg) => {
            // Older Outlooks do not say where a message comes from; those that do must name our origin.
            if (arg.origin !== undefined && arg.origin !== origin) return;
            const answer = decodeDialogAnswer(arg.message);
            if (!answer) return;
            if (answer.kind === 'token') finish(() => resolve(answer.accessToken));
            else finish(() => reject(new Error(msg.signIn.dialog.failed)));
          });
          dialog.addEventHandler(DIALOG_EVENT_RECEIVED, (arg) => finish(() => reject(new Error(dialogProblem(arg.error)))));
        });
      }),
  };
}
