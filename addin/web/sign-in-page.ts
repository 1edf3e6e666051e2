/// <reference lib="dom" />
/// <reference types="office-js" />
/**
 * The sign-in dialog's page (/addin/sign-in-dialog.html, bundled by scripts/build-web.ts), opened by the pane
 * through Office.context.ui.displayDialogAsync (addin/web/sign-in-dialog.ts) where Outlook offers
 * neither nested app authentication nor single sign-on. It signs in with MSAL.js's redirect to Entra
 * and back to this same page (a redirect URI of the app registration, infra/DEPLOYMENT.md), then hands
 * the API token to the pane with Office.context.ui.messageParent. Opened outside Outlook it says so.
 */
import { PublicClientApplication } from '@azure/msal-browser';
import type { AuthOptions } from '../../shared/api/schemas';
import { addinMessages as msg } from '../../shared/messages/addin';
import { loadOfficeJs } from './office-ready';
import { OFFICE_JS_URL } from './page';
import { encodeDialogAnswer, type DialogAnswer } from './sign-in-dialog';

/** Partners sign in from their own organisations: any work account. */
const AUTHORITY = 'https://login.microsoftonline.com/organizations';

const say = (text: string) => {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
};

async function main(): Promise<void> {
  if (!(await loadOfficeJs(document, OFFICE_JS_URL))) return say(msg.signIn.dialog.outsideOutlook);
  await Office.onReady();
  const ui = Office.context?.ui as { messageParent?(message: string): void } | undefined;
  if (!ui?.messageParent) return say(msg.signIn.dialog.outsideOutlook);
  const tell = (answer: DialogAnswer) => ui.messageParent?.(encodeDialogAnswer(answer));
  try {
    const response = await fetch(new URL('../api/auth/options', window.location.href), { credentials: 'omit', cache: 'no-store' });
    const entra = ((await response.json()) as AuthOptions).entra;
    if (!response.ok || !entra) return tell({ kind: 'failed' });
    // Back at exactly this address after Entra (no query: the registered redirect URI).
    const redirectUri = `${window.location.origin}${window.location.pathname}`;
    const app = new PublicClientApplication({ auth: { clientId: entra.clientId, authority: AUTHORITY, redirectUri }, cache: { cacheLocation: 'sessionStorage' } });
    await app.initialize();
    const back = await app.handleRedirectPromise();
    if (back?.accessToken) {
      say(msg.signIn.dialog.done);
      return tell({ kind: 'token', accessToken: back.accessToken });
    }
    await app.loginRedirect({ scopes: [entra.scope], redirectUri }); // leaves the page; it comes back here
  } catch {
    say(msg.signIn.dialog.failed);
    tell({ kind: 'failed' });
  }
}

void main();
