/// <reference lib="dom" />
/**
 * The "Dossiers" page (React + Fluent UI v9, with createElement `h`: no JSX in this repository): the
 * list of dossiers with its filters, the dossier page with its timeline and a form for every step the
 * user may take (the API says which), and the development sign-in outside Teams. It only renders:
 * the forms come from logic/forms.ts, the words from shared/messages/tab.ts, the decisions from the API.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../shared/messages/tab';
import { addinMessages } from '../../shared/messages/addin';
import type { DevUsers, Me } from '../../shared/api/schemas';
import type { DossierPage, FormId, Overview, TimelineEntry } from '../../shared/api/dossier-schemas';
import type { Organisation, PartnerItem, TransferRequests, UserItem } from '../../shared/api/organisation-schemas';
import { forgetDevToken, storeDevToken, storedDevToken, type StorageLike } from '../../shared/web/dev-token';
import { ApiError, createTabClient, type FetchLike, type TabClient } from './api-client';
import { absenceForm, candidacyForm, dossierForm, errorPlacement, initialValues, isShown, missingRequired, partnerForm, resolvePath, userForm, type FormSpec, type Values } from './logic/forms';
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

const errorText = (e: unknown): string => (e instanceof Error ? e.message : msg.unexpected);

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

function DevSignIn(props: { users: DevUsers['users']; error?: string; onSignIn(tenantId: string, objectId: string): void }): ReactNode {
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

function Workspace(props: { client: TabClient; me: Me; host: TabHost; onSignOut: (() => void) | undefined }): ReactNode {
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

// ---------------------------------------------------------------------------------------------
// The list

function ListView(props: { client: TabClient; onOpen(id: string): void }): ReactNode {
  const [filter, setFilter] = useState<{ partnerId: string; stage: string; attention: boolean }>({ partnerId: '', stage: '', attention: false });
  const [overview, setOverview] = useState<Overview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [form, setForm] = useState<'candidacy' | 'absence' | undefined>();

  const load = useCallback(() => {
    setError(undefined);
    props.client
      .overview({ ...(filter.partnerId ? { partnerId: filter.partnerId } : {}), ...(filter.stage ? { stage: filter.stage } : {}), attention: filter.attention })
      .then(setOverview, (e: unknown) => setError(errorText(e)));
  }, [props.client, filter]);
  useEffect(load, [load]);

  const l = msg.list;
  const c = l.columns;
  return h(
    'section',
    { 'aria-label': l.heading },
    h(TransfersSection, { client: props.client, onDecided: load }),
    h(Title3, { as: 'h1' }, l.heading),
    h(
      'div',
      { style: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap', margin: '8px 0' } },
      h(
        Field,
        { label: l.partner },
        h(
          Select,
          { value: filter.partnerId, onChange: (_e: unknown, d: { value: string }) => setFilter({ ...filter, partnerId: d.value }) },
          h('option', { value: '' }, l.allPartners),
          ...(overview?.partners ?? []).map((p) => h('option', { key: p.id, value: p.id }, p.name)),
        ),
      ),
      h(
        Field,
        { label: l.stage },
        h(
          Select,
          { value: filter.stage, onChange: (_e: unknown, d: { value: string }) => setFilter({ ...filter, stage: d.value }) },
          h('option', { value: '' }, l.allStages),
          ...(overview?.stages ?? []).map((s) => h('option', { key: s.id, value: s.id }, s.label)),
        ),
      ),
      h(Checkbox, { label: l.attention, checked: filter.attention, onChange: (_e: unknown, d: { checked: boolean | 'mixed' }) => setFilter({ ...filter, attention: d.checked === true }) }),
      overview?.canCreate ? h(Button, { appearance: 'primary', onClick: () => setForm('candidacy') }, l.newCandidacy) : null,
      overview?.canReportAbsence ? h(Button, { onClick: () => setForm('absence') }, l.absence) : null,
    ),
    form && overview
      ? h(StepForm, {
          client: props.client,
          spec: form === 'candidacy' ? candidacyForm(overview.partners) : absenceForm([]),
          done: form === 'candidacy' ? msg.forms.candidacy.done('') : msg.forms.absence.done,
          onCancel: () => setForm(undefined),
          onDone: (result) => {
            setForm(undefined);
            if (form === 'candidacy' && result.dossierId) props.onOpen(result.dossierId);
            else load();
          },
        })
      : null,
    error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, error)) : null,
    !overview && !error ? h(Spinner, { label: msg.loading }) : null,
    overview && overview.dossiers.length === 0 ? h(Body1, { as: 'p' }, l.empty) : null,
    overview && overview.dossiers.length > 0
      ? h(
          'table',
          { style: { borderCollapse: 'collapse', width: '100%' } },
          h('thead', null, h('tr', null, ...[c.number, c.tenant, c.kind, c.status, c.partner, c.plannedEnd, c.attention].map((t) => h('th', { key: t, style: { textAlign: 'left', padding: '4px' } }, t)))),
          h(
            'tbody',
            null,
            ...overview.dossiers.map((d) =>
              h(
                'tr',
                { key: d.id, style: { borderTop: '1px solid #ddd' } },
                h('td', { style: { padding: '4px', whiteSpace: 'nowrap' } }, h(Button, { appearance: 'transparent', 'aria-label': l.open(d.number), onClick: () => props.onOpen(d.id), style: { whiteSpace: 'nowrap' } }, d.number)),
                h('td', null, d.tenantName),
                h('td', null, d.kindLabel),
                h('td', null, d.statusLabel),
                h('td', null, d.supportingPartnerName),
                h('td', { style: { whiteSpace: 'nowrap' } }, d.plannedEnd ? msg.formatDate(d.plannedEnd) : ''),
                h('td', null, ...d.attention.map((a) => h(Badge, { key: a, appearance: 'tint', color: a.includes('te laat') ? 'danger' : 'warning', style: { marginRight: '4px' } }, a))),
              ),
            ),
          ),
        )
      : null,
  );
}

// ---------------------------------------------------------------------------------------------
// The dossier page

const stateColor = (state: TimelineEntry['state']) => (state === 'overdue' || state === 'missed' ? 'danger' : state === 'done' ? 'success' : state === 'planned' ? 'informative' : 'warning');

function TimelineList(props: { entries: readonly TimelineEntry[] }): ReactNode {
  return h(
    'ol',
    { 'aria-label': msg.dossier.timeline, style: { listStyle: 'none', padding: 0 } },
    ...props.entries.map((e, i) =>
      h(
        'li',
        { key: i, 'data-type': e.type, 'data-state': e.state, style: { display: 'flex', gap: '12px', padding: '4px 0', borderLeft: '3px solid #ccc', paddingLeft: '8px' } },
        h('span', { style: { minWidth: '90px' } }, msg.formatDate(e.date)),
        h('span', { style: { flex: 1 } }, h('strong', null, e.label), e.detail ? ` (${e.detail})` : ''),
        h(Badge, { appearance: 'tint', color: stateColor(e.state) }, e.stateLabel),
      ),
    ),
  );
}

/** R8/R9: the signals this user may read: kind, moment, organisation and what was written (the read is audited). */
function SignalList(props: { signals: DossierPage['signals']; other: number }): ReactNode {
  return h(
    'section',
    { 'aria-label': msg.dossier.signals, id: 'signalen' },
    h(Subtitle2, { as: 'h2' }, msg.dossier.signals),
    h(
      'ul',
      { style: { listStyle: 'none', padding: 0 } },
      ...props.signals.map((s) =>
        h(
          'li',
          { key: s.id, 'data-signal': s.category, style: { padding: '6px 0 6px 8px', borderLeft: `3px solid ${s.safety ? '#c50f1f' : '#bc4b09'}`, marginBottom: '6px' } },
          h('strong', null, s.label),
          h('div', { style: { fontSize: '12px', color: '#616161' } }, msg.dossier.signalMeta(msg.formatDateTime(s.raisedAt), s.partnerName)),
          h('p', { style: { margin: '4px 0 0 0', whiteSpace: 'pre-wrap' } }, s.description),
        ),
      ),
    ),
    props.other > 0 ? h(Body1, { as: 'p' }, msg.dossier.otherSignals(props.other)) : null,
  );
}

const FORM_TITLES: Record<FormId, string> = {
  signatures: msg.forms.signatures.title,
  consent: msg.forms.consent.title,
  'withdraw-consent': msg.forms.withdrawConsent.title,
  activate: msg.forms.activate.title,
  visit: msg.forms.visit.title,
  extend: msg.forms.extend.title,
  close: msg.forms.close.title,
  stop: msg.forms.stop.title,
  transfer: msg.forms.transfer.title,
  'transfer-cancel': msg.forms.transferCancel.title,
  'information-request': msg.forms.informationRequest.title,
  'information-answer': msg.forms.informationAnswer.title,
  contact: msg.forms.contact.title,
  absence: msg.forms.absence.title,
};

function DossierView(props: { client: TabClient; dossierId: string; host: TabHost; initialForm?: string; onBack: (() => void) | undefined }): ReactNode {
  const [page, setPage] = useState<DossierPage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState<FormId | undefined>(props.initialForm as FormId | undefined);
  const [notice, setNotice] = useState<string | undefined>();

  const load = useCallback(() => {
    props.client.dossier(props.dossierId).then(
      (p) => {
        setPage(p);
        setError(undefined);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [props.client, props.dossierId]);
  useEffect(load, [load]);
  // The window's (and the Teams dialog's) title names the dossier.
  const number = page?.dossier.number;
  useEffect(() => {
    document.title = number ? `${msg.dossier.title(number)} · ${msg.title}` : msg.title;
  }, [number]);

  const back = props.onBack ? h(Button, { appearance: 'subtle', onClick: props.onBack }, msg.back) : null;
  if (error) return h('div', null, back, h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, error)));
  if (!page) return h(Spinner, { label: msg.loading });
  const d = page.dossier;
  const f = msg.dossier.facts;
  const fact = (label: string, value: string | undefined) => (value ? [h('dt', { key: `${label}-t`, style: { fontWeight: 600 } }, label), h('dd', { key: `${label}-d`, style: { margin: '0 0 4px 0' } }, value)] : []);
  const form = open && (page.forms as FormId[]).includes(open) ? dossierForm(open, page) : undefined;

  return h(
    'article',
    { 'aria-label': msg.dossier.heading(d.number, d.tenant.name) },
    back,
    h(Title3, { as: 'h1' }, msg.dossier.heading(d.number, d.tenant.name)),
    h(
      'dl',
      { style: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px' } },
      ...fact(f.address, d.tenant.address),
      ...fact(f.kind, d.kindLabel),
      ...fact(f.status, d.statusLabel),
      ...fact(f.registering, d.registeringPartner.name),
      ...fact(f.supporting, d.supportingPartner.name),
      ...fact(f.supportWorker, d.supportWorker.name),
      ...fact(f.leaseStart, d.leaseStart && msg.formatDate(d.leaseStart)),
      ...fact(f.plannedEnd, d.plannedEnd && msg.formatDate(d.plannedEnd)),
      ...fact(f.consent, d.consent),
      ...fact(f.documents, d.documents.length > 0 ? d.documents.join('; ') : msg.dossier.noDocuments), // R3
      ...fact(f.contact, d.supportingPartner.contact),
    ),
    notice ? h(MessageBar, { intent: 'success' }, h(MessageBarBody, { role: 'status' }, notice)) : null,
    h(
      'section',
      { 'aria-label': msg.dossier.dueNext },
      h(Subtitle2, { as: 'h2' }, msg.dossier.dueNext),
      h('p', { 'data-testid': 'due-next' }, page.dueNext ? `${msg.formatDate(page.dueNext.date)}: ${page.dueNext.label}` : msg.dossier.nothingDue),
      page.overdue.length > 0
        ? h(MessageBar, { intent: 'warning' }, h(MessageBarBody, null, `${msg.dossier.overdue}: ${page.overdue.map((e) => `${e.label} (${msg.formatDate(e.date)})`).join('; ')}`))
        : null,
    ),
    page.signals.length > 0 || page.otherSignals > 0 ? h(SignalList, { signals: page.signals, other: page.otherSignals }) : null,
    h('section', { 'aria-label': msg.dossier.actions }, h(Subtitle2, { as: 'h2' }, msg.dossier.actions),
      page.forms.length === 0
        ? h(Body1, { as: 'p' }, msg.dossier.noActions)
        : h('div', { style: { display: 'flex', gap: '8px', flexWrap: 'wrap', margin: '8px 0' } }, ...(page.forms as FormId[]).map((id) => h(Button, { key: id, appearance: open === id ? 'primary' : 'secondary', onClick: () => setOpen(id) }, FORM_TITLES[id]))),
      form
        ? h(StepForm, {
            key: form.id,
            client: props.client,
            spec: form,
            done: '',
            onCancel: () => setOpen(undefined),
            onDone: (result) => {
              setOpen(undefined);
              setNotice(result.message);
              props.host.teams?.submit({ dossierId: page.dossier.id, form: form.id, changed: result.changed });
              load();
            },
          })
        : null,
    ),
    h('section', { 'aria-label': msg.dossier.timeline }, h(Subtitle2, { as: 'h2' }, msg.dossier.timeline), h(TimelineList, { entries: page.timeline })),
  );
}

// ---------------------------------------------------------------------------------------------
// One form

function StepForm(props: {
  client: TabClient;
  spec: FormSpec;
  done: string;
  onCancel(): void;
  onDone(result: { dossierId?: string; message: string; changed: boolean }): void;
  /** How the form is sent; default a step of a dossier (client.act). */
  send?(path: string, body: unknown): Promise<{ dossierId?: string; message: string; changed: boolean }>;
}): ReactNode {
  const { spec } = props;
  const [values, setValues] = useState<Values>(() => initialValues(spec));
  const [requestKey] = useState(() => crypto.randomUUID()); // one per opened form: a second "save" repeats it
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | undefined>();
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const [missing, setMissing] = useState<Record<string, string>>({});
  const submit = async () => {
    // Every empty required field at once, at its field; nothing is sent until they are filled in.
    const empty = missingRequired(spec, values);
    setMissing(Object.fromEntries(empty.map((m) => [m.field, m.message])));
    if (empty.length > 0) {
      setError(empty.length > 1 ? { message: msg.fieldsToFix(empty.length) } : undefined);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const path = resolvePath(spec.path, values);
      const body = spec.body(values, requestKey);
      const result = props.send ? await props.send(path, body) : await props.client.act(path, body);
      props.onDone(result);
    } catch (e) {
      const field = e instanceof ApiError ? errorPlacement(spec, e.fields) : undefined;
      setError({ message: errorText(e), ...(field ? { field } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const control = (f: FormSpec['fields'][number]): ReactNode => {
    const value = values[f.name];
    switch (f.type) {
      case 'select':
        return h(Select, { value: String(value ?? ''), onChange: (_e: unknown, d: { value: string }) => set(f.name, d.value) }, ...(f.options ?? []).map((o) => h('option', { key: o.value, value: o.value }, o.label)));
      case 'textarea':
        return h(Textarea, { value: String(value ?? ''), onChange: (_e: unknown, d: { value: string }) => set(f.name, d.value) });
      case 'checkbox':
        return h(Checkbox, { checked: value === true, onChange: (_e: unknown, d: { checked: boolean | 'mixed' }) => set(f.name, d.checked === true) });
      default:
        return h(Input, { type: f.type === 'date' ? 'date' : f.type === 'number' ? 'number' : 'text', value: String(value ?? ''), onChange: (_e: unknown, d: { value: string }) => set(f.name, d.value) });
    }
  };

  return h(
    'form',
    {
      'aria-label': spec.title,
      style: { border: '1px solid #ccc', borderRadius: '4px', padding: '12px', margin: '8px 0', display: 'grid', gap: '8px', maxWidth: '560px' },
      onSubmit: (e: { preventDefault(): void }) => {
        e.preventDefault();
        void submit();
      },
    },
    h(Subtitle2, { as: 'h3' }, spec.title),
    ...spec.fields
      .filter((f) => isShown(f, values))
      .map((f) => {
        const problem = error?.field === f.name ? error.message : missing[f.name];
        return h(
          Field,
          {
            key: f.name,
            label: f.required ? { children: h('span', null, f.label, ' ', h('span', { style: { color: '#616161', fontWeight: 400 } }, msg.requiredMark)) } : f.label,
            ...(f.required ? { 'data-required': 'true' } : {}),
            ...(problem ? { validationMessage: problem, validationState: 'error' as const } : {}),
          },
          control(f),
        );
      }),
    error && !error.field ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, { role: 'alert' }, error.message)) : null,
    h(
      'div',
      { style: { display: 'flex', gap: '8px' } },
      h(Button, { appearance: 'primary', type: 'submit', disabled: busy }, msg.forms.submit),
      h(Button, { type: 'button', onClick: props.onCancel }, msg.forms.cancel),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// R6: transfer requests for the receiving organisation

function TransfersSection(props: { client: TabClient; onDecided(): void }): ReactNode {
  const [list, setList] = useState<TransferRequests['requests'] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // R6: a refusal carries a reason that the requesting organisation reads.
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    props.client.transferRequests().then(
      (r) => setList(r.requests),
      (e: unknown) => setError(errorText(e)),
    );
  }, [props.client]);
  useEffect(load, [load]);

  /** The decision waiting for its confirmation. */
  const [confirming, setConfirming] = useState<{ dossierId: string; number: string; accept: boolean } | undefined>();
  /** Whether this user decides on requests (a receiving organisation): the heading stays after the last decision. */
  const [decides, setDecides] = useState(false);
  useEffect(() => {
    if ((list ?? []).some((r) => r.canDecide)) setDecides(true);
  }, [list]);
  const decide = async (dossierId: string, accept: boolean) => {
    setConfirming(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const body = accept ? {} : { reason: (reasons[dossierId] ?? '').trim() };
      const result = await props.client.act(`dossiers/${encodeURIComponent(dossierId)}/transfer/${accept ? 'acceptance' : 'rejection'}`, body);
      setNotice(result.message);
      load();
      props.onDecided();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const t = msg.transfers;
  const c = t.columns;
  if (!error && !notice && (!list || list.length === 0)) return null;
  const deciding = decides || (list ?? []).some((r) => r.canDecide);
  const heading = deciding ? t.heading : t.headingLandlord;
  return h(
    'section',
    { 'aria-label': heading, style: { marginBottom: '16px' } },
    h(Subtitle2, { as: 'h2' }, heading),
    deciding ? h(Body1, { as: 'p' }, t.intro) : null,
    notice ? h(MessageBar, { intent: 'success' }, h(MessageBarBody, { role: 'status' }, notice)) : null,
    error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, { role: 'alert' }, error)) : null,
    list && list.length > 0
      ? h(
          'table',
          { style: { borderCollapse: 'collapse', width: '100%' } },
          h('thead', null, h('tr', null, ...[c.number, c.kind, c.from, c.to, c.requestedOn, c.reason, c.plannedEnd, ''].map((x, i) => h('th', { key: i, style: { textAlign: 'left', padding: '4px' } }, x)))),
          h(
            'tbody',
            null,
            ...list.map((r) =>
              h(
                'tr',
                { key: r.dossierId, style: { borderTop: '1px solid #ddd' } },
                h('td', { style: { padding: '4px' } }, r.number),
                h('td', null, r.kindLabel),
                h('td', null, r.fromPartnerName),
                h('td', null, r.toPartnerName),
                h('td', null, msg.formatDate(r.requestedOn)),
                h('td', null, r.reason),
                h('td', null, r.plannedEnd ? msg.formatDate(r.plannedEnd) : ''),
                h(
                  'td',
                  { style: { whiteSpace: 'nowrap' } },
                  r.canDecide
                    ? confirming?.dossierId === r.dossierId
                      ? // R6: a decision for the organisation takes a second click that names what follows.
                        h(
                          'div',
                          { role: 'group', 'aria-label': confirming.accept ? t.acceptLabel(r.number) : t.refuseLabel(r.number), style: { whiteSpace: 'normal', maxWidth: '320px' } },
                          h(Body1, { as: 'p', style: { margin: '0 0 4px 0' } }, confirming.accept ? t.acceptConfirm(r.number) : t.refuseConfirm(r.number)),
                          // R6: a refusal carries a reason that the requesting organisation reads.
                          confirming.accept
                            ? null
                            : h(Textarea, {
                                'aria-label': t.refusalReasonLabel(r.number),
                                placeholder: t.refusalReasonPlaceholder,
                                value: reasons[r.dossierId] ?? '',
                                onChange: (_e: unknown, d: { value: string }) => setReasons((cur) => ({ ...cur, [r.dossierId]: d.value })),
                                style: { display: 'block', margin: '0 0 4px 0', width: '100%' },
                              }),
                          h(Button, { appearance: 'primary', size: 'small', disabled: busy, onClick: () => void decide(r.dossierId, confirming.accept), style: { marginRight: '4px' } }, confirming.accept ? t.acceptYes : t.refuseYes),
                          h(Button, { size: 'small', disabled: busy, onClick: () => setConfirming(undefined) }, msg.forms.cancel),
                        )
                      : [
                          h(Button, { key: 'a', appearance: 'primary', size: 'small', disabled: busy, 'aria-label': t.acceptLabel(r.number), onClick: () => setConfirming({ dossierId: r.dossierId, number: r.number, accept: true }), style: { marginRight: '4px' } }, t.accept),
                          h(Button, { key: 'r', size: 'small', disabled: busy, 'aria-label': t.refuseLabel(r.number), onClick: () => setConfirming({ dossierId: r.dossierId, number: r.number, accept: false }) }, t.refuse),
                        ]
                    : null,
                ),
              ),
            ),
          ),
        )
      : null,
  );
}

// ---------------------------------------------------------------------------------------------
// The coordinator: partner organisations (R5, the Microsoft 365 tenant) and users

type AdminForm = { kind: 'partner'; existing?: PartnerItem } | { kind: 'user'; existing?: UserItem };

function AdminSection(props: { client: TabClient }): ReactNode {
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
