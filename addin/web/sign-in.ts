/**
 * How the pane gets its token. In Outlook: Office single sign-on (Office.auth.getAccessToken), whose
 * token the API validates against Entra. In local mode on this computer: the development sign-in (a
 * demo user picked from a list; the token is kept for this browser tab only). Pure apart from the
 * storage and Office objects handed in.
 */
import { addinMessages as msg } from '../../shared/messages/addin';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'woonbegeleiding.devToken';

export interface StoredToken {
  token: string;
  expiresAt: string;
}

/** A stored development token that is still valid for at least a minute at `now`. */
export function storedDevToken(storage: StorageLike, now: Date): string | undefined {
  try {
    const stored = JSON.parse(storage.getItem(KEY) ?? 'null') as StoredToken | null;
    if (stored && typeof stored.token === 'string' && Date.parse(stored.expiresAt) - now.getTime() > 60_000) return stored.token;
  } catch {
    // unreadable: sign in again
  }
  return undefined;
}

export const storeDevToken = (storage: StorageLike, token: StoredToken): void => storage.setItem(KEY, JSON.stringify(token));
export const forgetDevToken = (storage: StorageLike): void => storage.removeItem(KEY);

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
