/// <reference lib="dom" />
/** The dossier workspace once signed in: who you are, then the list (and the coordinator's section) or one dossier. */
import { Button, Caption1 } from '@fluentui/react-components';
import { createElement as h, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import { addinMessages } from '../../../shared/messages/addin';
import type { Me } from '../../../shared/api/schemas';
import type { TabClient } from '../api-client';
import type { TabHost } from '../app';
import { AdminSection } from './admin-section';
import { DossierView } from './dossier-view';
import { ListView } from './list-view';

export function Workspace(props: { client: TabClient; me: Me; host: TabHost; onSignOut: (() => void) | undefined }): ReactNode {
  const [dossierId, setDossierId] = useState<string | undefined>(props.host.dossierId);
  return h(
    'div',
    null,
    h(
      'header',
      { style: { display: 'flex', gap: '12px', alignItems: 'center', marginBottom: '12px' } },
      h(Caption1, null, msg.signedInAs(props.me.user.displayName, props.me.user.roleLabel)),
      props.onSignOut ? h(Button, { size: 'small', onClick: props.onSignOut }, addinMessages.signIn.switchUser) : null,
    ),
    dossierId
      ? h(DossierView, {
          client: props.client,
          dossierId,
          host: props.host,
          ...(props.host.form && dossierId === props.host.dossierId ? { initialForm: props.host.form } : {}),
          onBack: props.host.dossierId ? undefined : () => setDossierId(undefined),
        })
      : h(
          'div',
          null,
          h(ListView, { client: props.client, onOpen: setDossierId }),
          props.me.user.role === 'landlord-coordinator' ? h(AdminSection, { client: props.client }) : null,
        ),
  );
}
