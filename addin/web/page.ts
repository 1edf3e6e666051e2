/**
 * The task pane's HTML page, from the message catalogue (no Dutch inline): Office.js from Microsoft's
 * CDN, as Microsoft requires of add-ins in production, then the bundle. The head preloads Office.js and
 * the bundle runs it (addin/web/office-ready.ts): no first load waits for a CDN that does not answer (a
 * browser offline, a blocked network), and the pane waits for it only where Office hosts it.
 * Paths of our own files are relative, so the page works under any base URL. Pure: used by
 * scripts/build-web.ts.
 */
import { addinMessages as msg } from '../../shared/messages/addin';

export const BUNDLE_FILE = 'taskpane.js';
export const PAGE_FILE = 'taskpane.html';
/** The sign-in dialog's page and bundle (addin/web/sign-in-page.ts): its address is a redirect URI of the app registration. */
export const SIGN_IN_BUNDLE_FILE = 'sign-in-dialog.js';
export const SIGN_IN_PAGE_FILE = 'sign-in-dialog.html';
/** Office.js, version 1 (its newest release), from Microsoft's CDN. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function taskpaneHtml(): string {
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(msg.pane.title)}</title>
<link rel="preload" href="${OFFICE_JS_URL}" as="script">
<script src="${BUNDLE_FILE}" defer></script>
</head>
<body>
<div id="root"></div>
<noscript>${escapeHtml(msg.pane.noScript)}</noscript>
</body>
</html>
`;
}

/** The sign-in dialog's page: Office.js and MSAL.js do the work; it only says what is going on. */
export function signInHtml(): string {
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(msg.signIn.dialog.title)}</title>
<link rel="preload" href="${OFFICE_JS_URL}" as="script">
<script src="${SIGN_IN_BUNDLE_FILE}" defer></script>
</head>
<body style="font-family: 'Segoe UI', system-ui, sans-serif; margin: 24px">
<h1 style="font-size: 20px; font-weight: 600">${escapeHtml(msg.signIn.dialog.title)}</h1>
<p id="status" role="status">${escapeHtml(msg.signIn.dialog.busy)}</p>
<noscript>${escapeHtml(msg.pane.noScript)}</noscript>
</body>
</html>
`;
}
