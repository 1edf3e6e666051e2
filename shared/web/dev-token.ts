/**
 * The development sign-in's token in the browser (local mode only), shared by the Outlook task pane
 * (addin/web) and the Teams dossier pages (bot/tab): kept for this browser tab, used while it is valid.
 */
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
