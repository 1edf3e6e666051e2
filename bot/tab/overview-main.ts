/// <reference lib="dom" />
/**
 * The overview page's entry point (bundled by scripts/build-web.ts): the personal tab "Overzicht" for
 * landlord roles, and a plain browser with the development sign-in of local mode.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TabApp } from './app';
import { overviewView } from './overview-app';
import { connectTeams } from './teams-host';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const teams = await connectTeams();
  createRoot(container).render(
    createElement(TabApp, {
      view: overviewView,
      host: {
        ...(teams ? { teams } : {}),
        storage: window.sessionStorage,
        fetch: (url, init) => window.fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
        apiBase: new URL('../api/', window.location.href).toString(),
      },
    }),
  );
}

void main();
