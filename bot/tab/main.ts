/// <reference lib="dom" />
/**
 * The "Dossiers" page's entry point (bundled by scripts/build-web.ts): the personal tab and the Teams
 * dialogs (/tab/dossiers.html?dossier=ID&form=visit opens one dossier's form), and a plain browser with
 * the development sign-in of local mode.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TabApp } from './app';
import { watchTeamsHost } from './teams-host';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const params = new URLSearchParams(window.location.search);
  const dossierId = params.get('dossier') ?? undefined;
  const form = params.get('form') ?? undefined;
  await watchTeamsHost((teams) =>
    root.render(
      createElement(TabApp, {
        // Teams answering later starts the page over, signed in through Teams.
        key: teams ? 'teams' : 'browser',
        host: {
          ...(teams ? { teams } : {}),
          storage: window.sessionStorage,
          fetch: (url, init) => window.fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
          apiBase: new URL('../api/', window.location.href).toString(),
          ...(dossierId ? { dossierId } : {}),
          ...(form ? { form } : {}),
        },
      }),
    ),
  );
}

void main();
