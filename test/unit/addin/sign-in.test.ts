/** The pane's sign-in helpers: the stored development token and Office SSO's errors in Dutch. */
import { forgetDevToken, officeSignInMessage, officeToken, storeDevToken, storedDevToken, type StorageLike } from '../../../addin/web/sign-in';

const memoryStorage = (): StorageLike => {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};

describe('pane sign-in', () => {
  const now = new Date('2025-11-10T10:00:00Z');

  it('keeps a development token until shortly before it expires', () => {
    const storage = memoryStorage();
    storeDevToken(storage, { token: 'abc', expiresAt: '2025-11-10T11:00:00Z' });
    expect(storedDevToken(storage, now)).toBe('abc');
    expect(storedDevToken(storage, new Date('2025-11-10T10:59:30Z'))).toBeUndefined();
    forgetDevToken(storage);
    expect(storedDevToken(storage, now)).toBeUndefined();
  });

  it('ignores a stored value it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('woonbegeleiding.devToken', '{not json');
    expect(storedDevToken(storage, now)).toBeUndefined();
  });

  it('Office SSO: passes the prompts on and answers the token', async () => {
    const seen: unknown[] = [];
    const token = await officeToken({ getAccessToken: async (options) => (seen.push(options), 'tok') });
    expect(token).toBe('tok');
    expect(seen).toEqual([{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false }]);
  });

  it('Office SSO: errors become one Dutch sentence', async () => {
    await expect(officeToken({ getAccessToken: () => Promise.reject({ code: 13002 }) })).rejects.toThrow('Je hebt de aanmelding afgebroken');
    await expect(officeToken(undefined)).rejects.toThrow('Deze versie van Outlook ondersteunt');
    expect(officeSignInMessage({ code: 13001 })).toContain('Meld je aan in Outlook');
    expect(officeSignInMessage(new Error('x'))).toBe('Aanmelden bij Woonbegeleiding lukte niet. Probeer het later opnieuw.');
  });
});
