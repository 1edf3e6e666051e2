/**
 * The task pane's HTML page, from the message catalogue (no Dutch inline): Office.js from the product
 * (served from node_modules by addin/static.ts), then the bundle. Paths are relative, so the
 * page works under any base URL. Pure: used by scripts/build-web.ts.
 */
import { addinMessages as msg } from '../../shared/messages/addin';

export const BUNDLE_FILE = 'taskpane.js';
export const PAGE_FILE = 'taskpane.html';
/** Where the server serves @microsoft/office-js's dist folder (office.js loads its host files from there). */
export const OFFICE_JS_DIR = 'office-js';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function taskpaneHtml(): string {
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(msg.pane.title)}</title>
<script src="${OFFICE_JS_DIR}/office.js"></script>
<script src="${BUNDLE_FILE}" defer></script>
</head>
<body>
<div id="root"></div>
<noscript>${escapeHtml(msg.pane.noScript)}</noscript>
</body>
</html>
`;
}
