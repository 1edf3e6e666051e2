import { addinMessages as msg } from '../../../shared/messages/addin';
import { decodeDialogAnswer, dialogProblem, dialogSource, encodeDialogAnswer, type DialogLike, type OfficeUiLike } from '../../../addin/web/sign-in-dialog';
import { entraToken, officeSsoSource, SourceUnavailable, type TokenSource } from '../../../addin/web/sign-in';

const entra = { clientId: 'app', scope: 'api://host/app/access_as_user' };
const ORIGIN = 'https://woonbegeleiding.example';

/** An Office dialog that delivers `events` (in order) once the pane has registered its handlers. */
function uiWith(events: { type: 'message' | 'event'; arg: { message?: unknown; origin?: string; error?: number } }[], opened: string[] = []): OfficeUiLike & { closed: number } {
  const ui = {
    closed: 0,
    displayDialogAsync(url: string, _options: object, callback: (result: { status: string; value: DialogLike }) => void) {
      opened.push(url);
      const handlers = new Map<string, (arg: object) => void>();
      callback({ status: 'succeeded', value: { addEventHandler: (type, handler) => handlers.set(type, handler as (arg: object) => void), close: () => ui.closed++ } });
      for (const e of events) handlers.get(e.type === 'message' ? 'dialogMessageReceived' : 'dialogEventReceived')?.(e.arg);
    },
  };
  return ui;
}

describe('the sign-in dialog as a token source', () => {
  it('answers round-trip; anything else is not an answer', () => {
    expect(decodeDialogAnswer(encodeDialogAnswer({ kind: 'token', accessToken: 'ey.x.y' }))).toEqual({ kind: 'token', accessToken: 'ey.x.y' });
    expect(decodeDialogAnswer(encodeDialogAnswer({ kind: 'failed' }))).toEqual({ kind: 'failed' });
    for (const other of ['', 'not json', '{"kind":"token"}', '{"kind":"token","accessToken":""}', '{"kind":"other"}', 42, undefined]) expect(decodeDialogAnswer(other)).toBeUndefined();
  });

  it('Office dialog errors become a Dutch sentence; the user closing it says so', () => {
    expect(dialogProblem(12006)).toBe(msg.signIn.dialog.closed);
    expect(dialogProblem(12007)).toBe(msg.signIn.dialog.alreadyOpen);
    expect(dialogProblem(12009)).toBe(msg.signIn.dialog.blocked);
    expect(dialogProblem(12002)).toBe(msg.signIn.dialog.failed);
    expect(dialogProblem(undefined)).toBe(msg.signIn.dialog.failed);
  });

  it('takes the token of its own origin, closes the dialog once', async () => {
    const opened: string[] = [];
    const ui = uiWith([{ type: 'message', arg: { message: encodeDialogAnswer({ kind: 'token', accessToken: 't-1' }), origin: ORIGIN } }], opened);
    await expect(dialogSource(ui, `${ORIGIN}/addin/sign-in-dialog.html`, ORIGIN).token(entra)).resolves.toBe('t-1');
    expect(opened).toEqual([`${ORIGIN}/addin/sign-in-dialog.html`]);
    expect(ui.closed).toBe(1);
  });

  it('ignores a token of another origin and messages that are not answers; closing then ends it', async () => {
    const ui = uiWith([
      { type: 'message', arg: { message: encodeDialogAnswer({ kind: 'token', accessToken: 'stolen' }), origin: 'https://evil.example' } },
      { type: 'message', arg: { message: 'hello', origin: ORIGIN } },
      { type: 'event', arg: { error: 12006 } },
    ]);
    await expect(dialogSource(ui, `${ORIGIN}/addin/sign-in-dialog.html`, ORIGIN).token(entra)).rejects.toThrow(msg.signIn.dialog.closed);
  });

  it('an older Outlook without the origin: the answer counts', async () => {
    const ui = uiWith([{ type: 'message', arg: { message: encodeDialogAnswer({ kind: 'token', accessToken: 't-2' }) } }]);
    await expect(dialogSource(ui, `${ORIGIN}/addin/sign-in-dialog.html`, ORIGIN).token(entra)).resolves.toBe('t-2');
  });

  it('without Office dialogs or without Entra it is unavailable', async () => {
    await expect(dialogSource(undefined, 'x', ORIGIN).token(entra)).rejects.toBeInstanceOf(SourceUnavailable);
    await expect(dialogSource(uiWith([]), 'x', ORIGIN).token(undefined)).rejects.toBeInstanceOf(SourceUnavailable);
  });

  it('the chain: nested app authentication unavailable, single sign-on unsupported, then the dialog', async () => {
    const naa: TokenSource = { name: 'nested-app-auth', token: () => Promise.reject(new SourceUnavailable('nested-app-auth')) };
    const sso = officeSsoSource({ getAccessToken: () => Promise.reject({ code: 13003 }) });
    const ok = uiWith([{ type: 'message', arg: { message: encodeDialogAnswer({ kind: 'token', accessToken: 't-3' }), origin: ORIGIN } }]);
    await expect(entraToken([naa, sso, dialogSource(ok, 'x', ORIGIN)], entra)).resolves.toBe('t-3');
    // The dialog's own sentence reaches the user, not single sign-on's.
    const closed = uiWith([{ type: 'event', arg: { error: 12006 } }]);
    await expect(entraToken([naa, sso, dialogSource(closed, 'x', ORIGIN)], entra)).rejects.toThrow(msg.signIn.dialog.closed);
  });
});
