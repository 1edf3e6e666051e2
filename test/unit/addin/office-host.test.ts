/** The mail item through Office.js-shaped fakes: read mode, compose mode, insertion as HTML or text. */
import { mailItemAccess, type AsyncResultLike, type MailItemLike } from '../../../addin/web/office-host';

const ok = <T>(value: T): AsyncResultLike<T> => ({ status: 'succeeded', value });
const failed = <T>(): AsyncResultLike<T> => ({ status: 'failed', value: undefined as T, error: { message: 'nope' } });

function composeItem(bodyType: 'html' | 'text', inserted: { data: string; coercionType: string }[]): MailItemLike {
  return {
    subject: { getAsync: (cb) => cb(ok('RE: Uitnodiging')) },
    body: {
      getAsync: (_type, cb) => cb(ok('Hallo\n> [WB:de-vaart:2025-11]')),
      getTypeAsync: (cb) => cb(ok(bodyType)),
      setSelectedDataAsync: (data, options, cb) => {
        inserted.push({ data, coercionType: options.coercionType });
        cb(ok(undefined));
      },
    },
  };
}

describe('mail item access', () => {
  it('without a mailbox (a browser outside Outlook) there is nothing to read or insert', async () => {
    const access = mailItemAccess(undefined);
    expect(access.mode).toBe('none');
    expect(access.insert).toBeUndefined();
    expect(await access.texts()).toEqual({ subject: '', body: '' });
  });

  it('read mode: the subject is a string, the body is read as text', async () => {
    const types: string[] = [];
    const access = mailItemAccess({
      item: {
        subject: 'Uitnodiging [WB:de-vaart:2025-11]',
        body: {
          getAsync: (type, cb) => {
            types.push(type);
            cb(ok('body'));
          },
        },
      },
    });
    expect(access.mode).toBe('read');
    expect(access.insert).toBeUndefined();
    expect(await access.texts()).toEqual({ subject: 'Uitnodiging [WB:de-vaart:2025-11]', body: 'body' });
    expect(types).toEqual(['text']);
  });

  it('compose mode: subject and quoted body through getAsync', async () => {
    const access = mailItemAccess({ item: composeItem('html', []) });
    expect(access.mode).toBe('compose');
    expect(await access.texts()).toEqual({ subject: 'RE: Uitnodiging', body: 'Hallo\n> [WB:de-vaart:2025-11]' });
  });

  it('compose mode: inserts HTML into an HTML body and text into a text body', async () => {
    const inserted: { data: string; coercionType: string }[] = [];
    await mailItemAccess({ item: composeItem('html', inserted) }).insert?.({ text: 'T', html: '<p>H</p>' });
    await mailItemAccess({ item: composeItem('text', inserted) }).insert?.({ text: 'T', html: '<p>H</p>' });
    expect(inserted).toEqual([
      { data: '<p>H</p>', coercionType: 'html' },
      { data: 'T', coercionType: 'text' },
    ]);
  });

  it('a failed read is an empty text (the pane falls back), a failed insert is an error', async () => {
    const item: MailItemLike = {
      subject: { getAsync: (cb) => cb(failed()) },
      body: { getAsync: (_t, cb) => cb(failed()), setSelectedDataAsync: (_d, _o, cb) => cb(failed()) },
    };
    const access = mailItemAccess({ item });
    expect(await access.texts()).toEqual({ subject: '', body: '' });
    await expect(access.insert?.({ text: 'T', html: 'H' })).rejects.toThrow('nope');
  });
});
