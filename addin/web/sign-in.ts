/**
 * How the pane gets its token. In Outlook: Office single sign-on (Office.auth.getAccessToken), whose
 * token the API validates against Entra. In local mode on this computer: the development sign-in (a
 * demo user picked from a list; the token is kept for this browser tab only). Pure apart from the
 * storage and Office objects handed in.
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
