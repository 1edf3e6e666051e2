/** The pane's sign-in helpers: the stored development token and Office SSO's errors in Dutch. */
import { entraToken, forgetDevToken, officeSignInMessage, officeSsoSource, officeToken, SourceUnavailable, storeDevToken, storedDevToken, type EntraSignIn, type StorageLike, type TokenSource } from '../../../addin/web/sign-in';
import { hostedByOffice } from '../../../addin/web/office-ready';

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

describe('the Entra token: nested app authentication, then Office single sign-on', () => {
  const entra: EntraSignIn = { clientId: 'app', scope: 'api://host/app/access_as_user' };
  const source = (name: TokenSource['name'], result: () => Promise<string>, calls: string[]): TokenSource => ({
    name,
    token: (e) => (calls.push(`${name}:${e?.scope ?? '-'}`), result()),
  });

  it('takes the first way that gives a token, and asks for the API scope', async () => {
    const calls: string[] = [];
    const token = await entraToken([source('nested-app-auth', async () => 'naa', calls), source('office-sso', async () => 'sso', calls)], entra);
    expect(token).toBe('naa');
    expect(calls).toEqual(['nested-app-auth:api://host/app/access_as_user']);
  });

  it('falls back to Office single sign-on where there is no broker, or where the broker fails', async () => {
    const calls: string[] = [];
    const none = () => Promise.reject(new SourceUnavailable('nested-app-auth'));
    expect(await entraToken([source('nested-app-auth', none, calls), officeSsoSource({ getAccessToken: async () => 'sso' })], entra)).toBe('sso');
    const failing = () => Promise.reject(new Error('broker: user_cancelled'));
    expect(await entraToken([source('nested-app-auth', failing, calls), officeSsoSource({ getAccessToken: async () => 'sso' })], entra)).toBe('sso');
  });

  it('none works: the Dutch sentence of the last way that was offered', async () => {
    const naaFails = () => Promise.reject(new Error('broker: user_cancelled'));
    await expect(entraToken([source('nested-app-auth', naaFails, []), officeSsoSource(undefined)], entra)).rejects.toThrow(officeSignInMessage(new Error('x')));
    await expect(entraToken([source('nested-app-auth', naaFails, []), officeSsoSource({ getAccessToken: () => Promise.reject({ code: 13002 }) })], entra)).rejects.toThrow(
      'Je hebt de aanmelding afgebroken',
    );
    // Nothing offered at all (a browser outside Office, without a broker).
    await expect(entraToken([officeSsoSource(undefined)], entra)).rejects.toThrow('Deze versie van Outlook ondersteunt');
  });
});

describe('hostedByOffice: whether the pane must wait for Office.js', () => {
  const top = {};
  it('framed (Outlook on the web, new Outlook) or with _host_Info (desktop Outlook): yes; a plain browser tab: no', () => {
    expect(hostedByOffice({ self: {}, top, location: { search: '', hash: '' } })).toBe(true);
    expect(hostedByOffice({ self: top, top, location: { search: '?_host_Info=Outlook$Win32$16.02$nl-BE$$$$0', hash: '' } })).toBe(true);
    expect(hostedByOffice({ self: top, top, location: { search: '?ref=[WB:de-vaart:2025-12]', hash: '' } })).toBe(false);
  });
});
