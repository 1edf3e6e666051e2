/**
 * How the pane gets its token. In Outlook: an Entra access token for the API, through nested app
 * authentication (MSAL.js, addin/web/nested-auth.ts) where Outlook offers it, else Office single sign-on
 * (Office.auth.getAccessToken), else a sign-in dialog (addin/web/sign-in-dialog.ts); the API validates
 * it against Entra. In local mode on this computer: the development sign-in (a demo user picked from a
 * list; the token is kept for this browser tab only). Pure apart from the storage and Office objects
 * handed in.
 */
import { addinMessages as msg } from '../../shared/messages/addin';

// The development token's storage is shared with the Teams dossier pages.
export { forgetDevToken, storeDevToken, storedDevToken, type StorageLike, type StoredToken } from '../../shared/web/dev-token';

export interface OfficeAuthLike {
  getAccessToken(options: { allowSignInPrompt: boolean; allowConsentPrompt: boolean; forMSGraphAccess: boolean }): Promise<string>;
}

/** Office SSO error codes (13xxx) to a Dutch sentence. */
export function officeSignInMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? Number((error as { code?: unknown }).code) : NaN;
  switch (code) {
    case 13001:
      return msg.signIn.office.notSignedIn;
    case 13002:
      return msg.signIn.office.cancelled;
    case 13003:
    case 13012:
    case 13013:
      return msg.signIn.office.unsupported;
    case 13005:
      return msg.signIn.office.noConsent;
    default:
      return msg.signIn.office.other;
  }
}

export async function officeToken(auth: OfficeAuthLike | undefined): Promise<string> {
  if (!auth) throw new Error(msg.signIn.office.unsupported);
  try {
    return await auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
  } catch (error) {
    throw new Error(officeSignInMessage(error));
  }
}

/** What the API tells the pane about Entra (GET /api/auth/options): the app and the scope to ask for. */
export interface EntraSignIn {
  clientId: string;
  /** e.g. api://host/<clientId>/access_as_user */
  scope: string;
}

/** One way to an Entra token. `unavailable` means: not offered here, try the next way. */
export interface TokenSource {
  name: 'nested-app-auth' | 'office-sso' | 'dialog';
  token(entra: EntraSignIn | undefined): Promise<string>;
}

export class SourceUnavailable extends Error {
  constructor(readonly source: TokenSource['name']) {
    super(`${source} unavailable`);
    this.name = 'SourceUnavailable';
  }
}

/**
 * Tries the ways in order and returns the first token. A way that fails is followed by the next one; when
 * none gives a token, the error of the last way that was offered (a Dutch sentence) is thrown.
 */
export async function entraToken(sources: readonly TokenSource[], entra: EntraSignIn | undefined): Promise<string> {
  let last: unknown = new Error(msg.signIn.office.unsupported);
  for (const source of sources) {
    try {
      return await source.token(entra);
    } catch (error) {
      if (!(error instanceof SourceUnavailable)) last = error;
    }
  }
  const sentences: string[] = [...Object.values(msg.signIn.office), ...Object.values(msg.signIn.dialog)];
  throw last instanceof Error && sentences.includes(last.message) ? last : new Error(officeSignInMessage(last));
}

/** Office single sign-on as a token source (unavailable outside Office). */
export const officeSsoSource = (auth: OfficeAuthLike | undefined): TokenSource => ({
  name: 'office-sso',
  token: () => (auth ? officeToken(auth) : Promise.reject(new SourceUnavailable('office-sso'))),
});
