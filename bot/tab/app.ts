/// <reference lib="dom" />
/**
 * The "Dossiers" page (React + Fluent UI v9, with createElement `h`: no JSX in this repository): the
 * list of dossiers with its filters, the dossier page with its timeline and a form for every step the
 * user may take (the API says which), and the development sign-in outside Teams. It only renders:
 * the forms come from logic/forms.ts, the words from shared/messages/tab.ts, the decisions from the API.
 * This file is the shell (sign-in, then a view); each component has its own file in components/.
 */
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../shared/messages/tab';
import type { DevUsers, Me } from '../../shared/api/schemas';
import { forgetDevToken, storeDevToken, storedDevToken, type StorageLike } from '../../shared/web/dev-token';
import { ApiError, createTabClient, type FetchLike, type TabClient } from './api-client';
import { DevSignIn } from './components/dev-sign-in';
import { errorText } from './components/error-text';
import { Workspace } from './components/workspace';
import type { TeamsHost } from './teams-host';

export interface TabHost {
  teams?: TeamsHost;
  storage: StorageLike;
  fetch: FetchLike;
  apiBase: string;
  /** Opened as a dialog for one dossier (and one of its forms). */
  dossierId?: string;
  form?: string;
}

type Phase = { kind: 'loading' } | { kind: 'signin'; users: DevUsers['users']; error?: string } | { kind: 'error'; message: string } | { kind: 'ready'; me: Me };

/** What a page shows once signed in; default the dossier workspace (the meeting and overview pages bring their own). */
export type SignedInView = (props: { client: TabClient; me: Me; host: TabHost }) => ReactNode;

export function TabApp({ host, view }: { host: TabHost; view?: SignedInView }): ReactNode {
  const [token, setToken] = useState<string | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const client = useMemo(() => createTabClient({ baseUrl: host.apiBase, fetch: host.fetch, token: () => token }), [host, token]);

  const start = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      if (host.teams) {
        const t = await host.teams.token().catch(() => {
          throw new Error(msg.teamsSignIn);
        });
        setToken(t);
        return;
      }
      const stored = storedDevToken(host.storage, new Date());
      if (stored) {
        setToken(stored);
        return;
      }
      const anonymous = createTabClient({ baseUrl: host.apiBase, fetch: host.fetch, token: () => undefined });
      const options = await anonymous.authOptions();
      if (!options.devSignIn) throw new Error(msg.noSignIn);
      setPhase({ kind: 'signin', users: (await anonymous.devUsers()).users });
    } catch (e) {
      setPhase({ kind: 'error', message: errorText(e) });
    }
  }, [host]);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    if (!token) return;
    client.me().then(
      (me) => setPhase({ kind: 'ready', me }),
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401 && !host.teams) {
          forgetDevToken(host.storage);
          setToken(undefined);
          void start();
        } else setPhase({ kind: 'error', message: errorText(e) });
      },
    );
  }, [token, client, host, start]);

  const signIn = async (tenantId: string, objectId: string) => {
    try {
      const anonymous = createTabClient({ baseUrl: host.apiBase, fetch: host.fetch, token: () => undefined });
      const minted = await anonymous.devToken(tenantId, objectId);
      storeDevToken(host.storage, { token: minted.accessToken, expiresAt: minted.expiresAt });
      setToken(minted.accessToken);
    } catch (e) {
      setPhase((p) => (p.kind === 'signin' ? { ...p, error: errorText(e) } : p));
    }
  };
  const signOut = () => {
    forgetDevToken(host.storage);
    setToken(undefined);
    void start();
  };

  let content: ReactNode;
  switch (phase.kind) {
    case 'loading':
      content = h(Spinner, { label: msg.loading });
      break;
    case 'error':
      content = h('div', null, h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, phase.message)), h(Button, { onClick: () => void start() }, msg.retry));
      break;
    case 'signin':
      content = h(DevSignIn, { users: phase.users, ...(phase.error ? { error: phase.error } : {}), onSignIn: signIn });
      break;
    case 'ready':
      content = view ? h(view, { client, me: phase.me, host }) : h(Workspace, { client, me: phase.me, host, onSignOut: host.teams ? undefined : signOut });
      break;
  }
  // The whole width of the tab or dialog: the list has many columns.
  return h(FluentProvider, { theme: webLightTheme, style: { padding: '16px' } }, content);
}
