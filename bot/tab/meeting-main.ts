/// <reference lib="dom" />
/**
 * The meeting page's entry point (bundled by scripts/build-web.ts): the configurable tab in a Teams
 * meeting (side panel, meeting chat, stage), its configuration page (?config=1), and a plain browser
 * (?partner=ID[&month=YYYY-MM]) with the development sign-in of local mode.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TabApp } from './app';
import { meetingTarget, meetingView } from './meeting-app';
import { watchTeamsHost } from './teams-host';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const pageUrl = new URL(window.location.href);
  pageUrl.searchParams.delete('config');
  const view = meetingView(meetingTarget(window.location.search), pageUrl.toString());
  await watchTeamsHost((teams) =>
    root.render(
      createElement(TabApp, {
        // Teams answering later starts the page over, signed in through Teams.
        key: teams ? 'teams' : 'browser',
        view,
        host: {
          ...(teams ? { teams } : {}),
          storage: window.sessionStorage,
          fetch: (url, init) => window.fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
          apiBase: new URL('../api/', window.location.href).toString(),
        },
      }),
    ),
  );
}

void main();
