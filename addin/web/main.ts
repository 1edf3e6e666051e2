/// <reference lib="dom" />
/// <reference types="office-js" />
/**
 * The task pane's entry point (bundled by scripts/build-web.ts): waits for Office.js, takes the
 * mailbox if there is one (outside Outlook there is none), and renders the pane. A pinned pane
 * (Mailbox 1.5) starts over when the user selects another message: its reference may differ.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type PaneHost } from './app';
import { mailItemAccess, type MailboxLike, type MailItemAccess } from './office-host';
import type { OfficeAuthLike } from './sign-in';

/** Office.EventType.ItemChanged (the enum is empty outside Outlook). */
const ITEM_CHANGED = 'olkItemSelectedChanged';

interface ChangeableMailbox extends MailboxLike {
  addHandlerAsync?(eventType: string, handler: () => void, callback?: () => void): void;
}

async function main(): Promise<void> {
  const office = typeof Office === 'undefined' ? undefined : Office;
  const info = office ? await office.onReady() : undefined;
  const mailbox = office?.context?.mailbox as unknown as ChangeableMailbox | undefined;
  const auth = office?.auth as unknown as OfficeAuthLike | undefined;
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);

  const mailItem = (): MailItemAccess => {
    const item = mailItemAccess(mailbox);
    if (item.mode !== 'none') return item;
    // Outside Outlook there is no invitation to read: ?ref=[WB:partner:YYYY-MM] stands in for one (trying it in a browser).
    return { ...item, texts: async () => ({ subject: new URLSearchParams(window.location.search).get('ref') ?? '', body: '' }) };
  };
  let generation = 0;
  const render = () => {
    const host: PaneHost = {
      mailItem: mailItem(),
      ...(auth?.getAccessToken ? { officeAuth: auth } : {}),
      storage: window.sessionStorage,
      fetch: (url, init) => window.fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
      apiBase: new URL('../api/', window.location.href).toString(),
      now: () => new Date(),
      outsideOutlook: !info?.host && !mailbox?.item,
    };
    root.render(createElement(App, { host, key: ++generation }));
  };
  render();
  mailbox?.addHandlerAsync?.(ITEM_CHANGED, render);
}

void main();
