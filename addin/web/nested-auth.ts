/// <reference lib="dom" />
/**
 * Nested app authentication (Microsoft's current way for Outlook add-ins): MSAL.js asks Outlook's own
 * broker for an Entra token for the API, silently when it can, else with Outlook's sign-in prompt. The
 * app registration carries the brokered redirect URI `brk-multihub://<host>` (infra/DEPLOYMENT.md,
 * infra/entra/addin-api.aad.manifest.json). Where Outlook offers no broker, this source is unavailable
 * and the pane falls back to Office single sign-on (addin/web/sign-in.ts).
 */
import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import { SourceUnavailable, type EntraSignIn, type TokenSource } from './sign-in';

/** Partners sign in from their own organisations: any work account. */
const AUTHORITY = 'https://login.microsoftonline.com/organizations';

export function nestedAppAuthSource(): TokenSource {
  const apps = new Map<string, Promise<IPublicClientApplication>>();
  const appFor = (clientId: string) => {
    let app = apps.get(clientId);
    if (!app) {
      app = createNestablePublicClientApplication({ auth: { clientId, authority: AUTHORITY } }, undefined, undefined, () => {
        // No broker here (a browser, an older Outlook): not MSAL's own redirect sign-in, the next source.
        throw new SourceUnavailable('nested-app-auth');
      });
      apps.set(clientId, app);
    }
    return app;
  };
  return {
    name: 'nested-app-auth',
    async token(entra: EntraSignIn | undefined) {
      if (!entra) throw new SourceUnavailable('nested-app-auth');
      let app: IPublicClientApplication;
      try {
        app = await appFor(entra.clientId);
      } catch {
        throw new SourceUnavailable('nested-app-auth');
      }
      const request = { scopes: [entra.scope] };
      try {
        return (await app.acquireTokenSilent(request)).accessToken;
      } catch {
        // Consent or a sign-in is needed: Outlook shows its own prompt.
        return (await app.acquireTokenPopup(request)).accessToken;
      }
    },
  };
}
