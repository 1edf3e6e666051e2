/// <reference lib="dom" />
/// <reference types="office-js" />
/**
 * Office.js from Microsoft's CDN, without making the first load wait for it. The pane inserts the
 * script itself (the page only preloads it, addin/web/page.ts), so it always learns whether it loaded.
 * Where Office hosts the pane it must wait for it; in a plain browser it shows itself at once.
 */

/** Outlook on the web and the new Outlook frame the pane; the desktop hosts pass `_host_Info` in the address. */
export function hostedByOffice(win: { self: unknown; top: unknown; location: { search: string; hash: string } }): boolean {
  return win.self !== win.top || /[?&#]_host_Info=/i.test(`${win.location.search}${win.location.hash}`);
}

/** Inserts the Office.js script once; resolves true when it ran, false when it could not load. */
export function loadOfficeJs(doc: Document, url: string): Promise<boolean> {
  if (typeof Office !== 'undefined') return Promise.resolve(true);
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = url;
    script.addEventListener('load', () => resolve(typeof Office !== 'undefined'), { once: true });
    script.addEventListener('error', () => resolve(false), { once: true });
    doc.head.appendChild(script);
  });
}
