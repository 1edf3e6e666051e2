/// <reference lib="dom" />
/** The coordinator: partner organisations (R5, the Microsoft 365 tenant) and users. */
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Title3 } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { Organisation, PartnerItem, UserItem } from '../../../shared/api/organisation-schemas';
import type { TabClient } from '../api-client';
import { partnerForm, userForm } from '../logic/forms';
import { errorText } from './error-text';
import { StepForm } from './step-form';

type AdminForm = { kind: 'partner'; existing?: PartnerItem } | { kind: 'user'; existing?: UserItem };

export function AdminSection(props: { client: TabClient }): ReactNode {
  const [org, setOrg] = useState<Organisation | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [form, setForm] = useState<AdminForm | undefined>();
  const load = useCallback(() => {
    props.client.organisation().then(
      (o) => {
        setOrg(o);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [props.client]);
  useEffect(load, [load]);

  const remove = async (u: UserItem) => {
    try {
      const result = await props.client.removeUser(u.tenantId, u.objectId);
      setNotice(result.message);
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const a = msg.admin;
  const c = a.columns;
  const names = new Map((org?.partners ?? []).map((p) => [p.id, p.name]));
  const th = (labels: string[]) => h('thead', null, h('tr', null, ...labels.map((x, i) => h('th', { key: i, style: { textAlign: 'left', padding: '4px' } }, x))));
  const spec = form && org ? (form.kind === 'partner' ? partnerForm(form.existing) : userForm(org, form.existing)) : undefined;
  return h(
    'section',
    { 'aria-label': a.heading, style: { marginTop: '24px' } },
    h(Title3, { as: 'h2' }, a.heading),
    notice ? h(MessageBar, { intent: 'success' }, h(MessageBarBody, { role: 'status' }, notice)) : null,
    error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, { role: 'alert' }, error)) : null,
    !org && !error ? h(Spinner, { label: msg.loading }) : null,
    h(
      'div',
      { style: { display: 'flex', gap: '8px', margin: '8px 0' } },
      h(Button, { onClick: () => setForm({ kind: 'partner' }) }, a.newPartner),
      h(Button, { onClick: () => setForm({ kind: 'user' }) }, a.newUser),
    ),
    spec
      ? h(StepForm, {
          key: `${spec.id}-${spec.path}`,
          client: props.client,
          spec,
          done: '',
          send: (path, body) => props.client.admin(path, body),
          onCancel: () => setForm(undefined),
          onDone: (result) => {
            setForm(undefined);
            setNotice(result.message);
            load();
          },
        })
      : null,
    org
      ? h(
          'div',
          null,
          h(Subtitle2, { as: 'h3' }, a.partners),
          h(
            'table',
            { style: { borderCollapse: 'collapse', width: '100%' } },
            th([c.id, c.name, c.contact, c.tenant, '']),
            h(
              'tbody',
              null,
              ...org.partners.map((p) =>
                h(
                  'tr',
                  { key: p.id, style: { borderTop: '1px solid #ddd' } },
                  h('td', { style: { padding: '4px' } }, p.id),
                  h('td', null, p.name),
                  h('td', null, msg.dossier.contact(p.contact.phone, p.contact.email, p.contact.officeHours)),
                  h('td', null, p.m365TenantId ?? a.noTenant),
                  h('td', null, h(Button, { size: 'small', 'aria-label': a.editLabel(p.name), onClick: () => setForm({ kind: 'partner', existing: p }) }, a.edit)),
                ),
              ),
            ),
          ),
          h(Subtitle2, { as: 'h3' }, a.users),
          h(
            'table',
            { style: { borderCollapse: 'collapse', width: '100%' } },
            th([c.name, c.role, c.partner, c.email, c.tenant, '']),
            h(
              'tbody',
              null,
              ...org.users.map((u) =>
                h(
                  'tr',
                  { key: `${u.tenantId}/${u.objectId}`, style: { borderTop: '1px solid #ddd' } },
                  h('td', { style: { padding: '4px' } }, u.displayName),
                  h('td', null, u.roleLabel),
                  h('td', null, u.partnerId ? (names.get(u.partnerId) ?? u.partnerId) : ''),
                  h('td', null, u.email ?? ''),
                  h('td', null, u.tenantId),
                  h(
                    'td',
                    { style: { whiteSpace: 'nowrap' } },
                    h(Button, { size: 'small', 'aria-label': a.editLabel(u.displayName), onClick: () => setForm({ kind: 'user', existing: u }), style: { marginRight: '4px' } }, a.edit),
                    h(Button, { size: 'small', 'aria-label': a.removeLabel(u.displayName), onClick: () => void remove(u) }, a.remove),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
