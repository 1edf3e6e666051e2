/// <reference lib="dom" />
/** The development sign-in outside Teams: pick a demo user, get a token from the API. */
import { Body1, Button, Field, Select, Title3 } from '@fluentui/react-components';
import { createElement as h, useState, type ReactNode } from 'react';
import { addinMessages } from '../../../shared/messages/addin';
import type { DevUsers } from '../../../shared/api/schemas';

export function DevSignIn(props: { users: DevUsers['users']; error?: string; onSignIn(tenantId: string, objectId: string): void }): ReactNode {
  const [choice, setChoice] = useState('');
  const t = addinMessages.signIn;
  return h(
    'form',
    {
      'aria-label': t.heading,
      onSubmit: (e: { preventDefault(): void }) => {
        e.preventDefault();
        const user = props.users.find((u) => `${u.tenantId}|${u.objectId}` === choice);
        if (user) props.onSignIn(user.tenantId, user.objectId);
      },
    },
    h(Title3, { as: 'h1' }, t.heading),
    h(Body1, { as: 'p' }, t.hint),
    h(
      Field,
      { label: t.userLabel, ...(props.error ? { validationMessage: props.error } : {}) },
      h(
        Select,
        { value: choice, onChange: (_e: unknown, d: { value: string }) => setChoice(d.value) },
        h('option', { value: '' }, t.choose),
        ...props.users.map((u) => h('option', { key: u.objectId, value: `${u.tenantId}|${u.objectId}` }, t.userOption(u.displayName, u.roleLabel, u.partnerName))),
      ),
    ),
    h(Button, { appearance: 'primary', type: 'submit', disabled: !choice, style: { marginTop: '8px' } }, t.button),
  );
}
