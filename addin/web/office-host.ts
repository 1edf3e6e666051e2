/**
 * The pane's only contact with the mail item (Office.js): read the subject and body to find the
 * invitation's reference, and in compose mode insert the summary at the cursor. Typed structurally so
 * tests can hand in a fake mailbox; Office's enums are not used because outside Outlook office.js
 * leaves them empty (their values are these strings).
 */

export interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message?: string };
}

type Callback<T> = (result: AsyncResultLike<T>) => void;

export interface MailItemLike {
  /** Read mode: a string. Compose mode: an object with getAsync. */
  subject?: string | { getAsync(callback: Callback<string>): void };
  body?: {
    getAsync(coercionType: string, callback: Callback<string>): void;
    getTypeAsync?(callback: Callback<string>): void;
    setSelectedDataAsync?(data: string, options: { coercionType: string }, callback: Callback<void>): void;
  };
}

export interface MailboxLike {
  item?: MailItemLike | null;
}

export interface MailItemAccess {
  mode: 'read' | 'compose' | 'none';
  /** Subject and body as plain text ('' when unreadable). */
  texts(): Promise<{ subject: string; body: string }>;
  /** Compose mode only: inserts at the cursor, as HTML in an HTML body, else as text. */
  insert?(content: { text: string; html: string }): Promise<void>;
}

const SUCCEEDED = 'succeeded';

function call<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => (result.status === SUCCEEDED ? resolve(result.value) : reject(new Error(result.error?.message ?? 'Office call failed'))));
  });
}

/** Reading is best effort: without the reference the pane falls back to the user's own consultation. */
const orEmpty = (promise: Promise<string>): Promise<string> => promise.catch(() => '');

export function mailItemAccess(mailbox: MailboxLike | undefined): MailItemAccess {
  const item = mailbox?.item;
  if (!item) return { mode: 'none', texts: async () => ({ subject: '', body: '' }) };
  const body = item.body;
  const readBody = () => (body ? orEmpty(call<string>((cb) => body.getAsync('text', cb))) : Promise.resolve(''));

  if (typeof item.subject === 'string' || item.subject === undefined) {
    const subject = item.subject ?? '';
    return { mode: 'read', texts: async () => ({ subject, body: await readBody() }) };
  }

  const subjectField = item.subject;
  const access: MailItemAccess = {
    mode: 'compose',
    texts: async () => {
      const [subject, text] = await Promise.all([orEmpty(call<string>((cb) => subjectField.getAsync(cb))), readBody()]);
      return { subject, body: text };
    },
  };
  const insertInto = body?.setSelectedDataAsync ? body : undefined;
  if (insertInto?.setSelectedDataAsync) {
    access.insert = async (content) => {
      const type = insertInto.getTypeAsync ? await call<string>((cb) => insertInto.getTypeAsync?.(cb)).catch(() => 'text') : 'text';
      const html = type === 'html';
      await call<void>((cb) => insertInto.setSelectedDataAsync?.(html ? content.html : content.text, { coercionType: html ? 'html' : 'text' }, cb));
    };
  }
  return access;
}
