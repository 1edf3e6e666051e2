/**
 * The "Dossiers" page's HTML (personal tab and Teams dialogs), from the message catalogue: only the
 * bundle, with relative paths so the page works under any base URL. Pure: used by scripts/build-web.ts.
 */
import { tabMessages as msg } from '../../shared/messages/tab';

export const TAB_BUNDLE_FILE = 'dossiers.js';
export const TAB_PAGE_FILE = 'dossiers.html';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function tabHtml(): string {
  return pageHtml(msg.title, TAB_BUNDLE_FILE);
}

/** The meeting side panel and stage (configurable tab), and the landlord's overview (personal tab). */
export const MEETING_BUNDLE_FILE = 'meeting.js';
export const MEETING_PAGE_FILE = 'meeting.html';
export const OVERVIEW_BUNDLE_FILE = 'overview.js';
export const OVERVIEW_PAGE_FILE = 'overview.html';

/** One page of the tab: the bundle only, relative paths. */
export function pageHtml(title: string, bundle: string): string {
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<script src="${bundle}" defer></script>
</head>
<body>
<div id="root"></div>
<noscript>${escapeHtml(msg.noScript)}</noscript>
</body>
</html>
`;
}
