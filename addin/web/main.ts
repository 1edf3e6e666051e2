/// <reference lib="dom" />
/// <reference types="office-js" />
/**
 * The task pane's entry point (bundled by scripts/build-web.ts): loads Office.js from Microsoft's CDN,
 * takes the mailbox if there is one (outside Outlook there is none), and renders the pane. Its token:
 * nested app authentication, else Office single sign-on, else the sign-in dialog (addin/web/sign-in*.ts). Hosted by
 * Office it waits for Office.js; in a plain browser it renders at once and again when Office.js brings a
 * mailbox after all, so a CDN that does not answer never holds up the first view. `data-office` on
 * <html> says where that stands (pending, ready, absent). A pinned pane (Mailbox 1.5) starts over when
 * the user selects another message: its reference may differ.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type PaneHost } from './app';
import { mailItemAccess, type MailboxLike, type MailItemAccess } from './office-host';
import { nestedAppAuthSource } from './nested-auth';
import { hostedByOffice, loadOfficeJs } from './office-ready';
import { OFFICE_JS_URL, SIGN_IN_PAGE_FILE } from './page';
import { dialogSource, type OfficeUiLike } from './sign-in-dialog';
import { entraToken, officeSsoSource, type OfficeAuthLike } from './sign-in';

/** Office.EventType.ItemChanged (the enum is empty outside Outlook). */
const ITEM_CHANGED = 'olkItemSelectedChanged';

interface ChangeableMailbox extends MailboxLike {
  addHandlerAsync?(eventType: string, handler: () => void, callback?: () => void): void;
}

type OfficeState = 'pending' | 'ready' | 'absent';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const nestedAppAuth = nestedAppAuthSource();
  const officeLoaded = loadOfficeJs(document, OFFICE_JS_URL);
  const setState = (state: OfficeState) => (document.documentElement.dataset.office = state);

  let generation = 0;
  const render = (office: typeof Office | undefined, info: { host: unknown } | undefined) => {
    const mailbox = office?.context?.mailbox as unknown as ChangeableMailbox | undefined;
    const auth = office?.auth as unknown as OfficeAuthLike | undefined;
    const mailItem = (): MailItemAccess => {
      const item = mailItemAccess(mailbox);
      if (item.mode !== 'none') return item;
      // Outside Outlook there is no invitation to read: ?ref=[WB:partner:YYYY-MM] stands in for one (trying it in a browser).
      return { ...item, texts: async () => ({ subject: new URLSearchParams(window.location.search).get('ref') ?? '', body: '' }) };
    };
    const ui = office?.context?.ui as unknown as OfficeUiLike | undefined;
    const signInPage = new URL(SIGN_IN_PAGE_FILE, window.location.href);
    const sources = [nestedAppAuth, officeSsoSource(auth?.getAccessToken ? auth : undefined), dialogSource(ui, `${signInPage.origin}${signInPage.pathname}`, window.location.origin)];
    const show = () => {
      const host: PaneHost = {
        mailItem: mailItem(),
        entraToken: (entra) => entraToken(sources, entra),
        storage: window.sessionStorage,
        fetch: (url, init) => window.fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
        apiBase: new URL('../api/', window.location.href).toString(),
        now: () => new Date(),
        outsideOutlook: !info?.host && !mailbox?.item,
      };
      root.render(createElement(App, { host, key: ++generation }));
    };
    show();
    mailbox?.addHandlerAsync?.(ITEM_CHANGED, show);
    return mailbox;
  };

  const ready = async (): Promise<{ office: typeof Office; info: { host: unknown } } | undefined> =>
    (await officeLoaded) ? { office: Office, info: await Office.onReady() } : undefined;

  if (hostedByOffice(window)) {
    setState('pending');
    const office = await ready();
    setState(office ? 'ready' : 'absent');
    render(office?.office, office?.info);
    return;
  }
  // A plain browser: at once, without Office; again if Office.js arrives with a mailbox (a test's stand-in).
  setState('pending');
  render(undefined, undefined);
  const office = await ready();
  if (office?.office.context?.mailbox) render(office.office, office.info);
  setState(office ? 'ready' : 'absent');
}

void main();
