/// <reference lib="dom" />
/**
 * The overview page's entry point (bundled by scripts/build-web.ts): the personal tab "Overzicht" for
 * landlord roles, and a plain browser with the development sign-in of local mode.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TabApp } from './app';
import { overviewView } from './overview-app';
import { watchTeamsHost } from './teams-host';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  await watchTeamsHost((teams) =>
    root.render(
      createElement(TabApp, {
        // Teams answering later starts the page over, signed in through Teams.
        key: teams ? 'teams' : 'browser',
        view: overviewView,
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
