/**
 * The "Dossiers" page's HTML (personal tab and Teams dialogs), from the message catalogue: only the
 * bundle, with relative paths so the page works under any base URL. Pure: used by scripts/build-web.ts.
 */
import { tabMessages as msg } from '../../shared/messages/tab';

export const TAB_BUNDLE_FILE = 'dossiers.js';
export const TAB_PAGE_FILE = 'dossiers.html';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function tabHtml(): string {
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(msg.title)}</title>
<script src="${TAB_BUNDLE_FILE}" defer></script>
</head>
<body>
<div id="root"></div>
<noscript>${escapeHtml(msg.noScript)}</noscript>
</body>
</html>
`;
}
