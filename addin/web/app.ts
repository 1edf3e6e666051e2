/// <reference lib="dom" />
/**
 * The task pane (React + Fluent UI v9), written with createElement (`h`) because the repository's
 * TypeScript setup has no JSX. It only renders: what to show comes from logic/view-state.ts, the
 * words from the catalogue, the data from the API, the mail item through office-host.ts.
 */
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { addinMessages as msg } from '../../shared/messages/addin';
import type { ConsultationView, DevUsers, DossierItem, Me } from '../../shared/api/schemas';
import { ApiError, createApiClient, type FetchLike } from './api-client';
import { findReference } from './logic/reference';
import { flagSummary } from './logic/summary';
import { chooseTarget, type Target } from './logic/target';
import { buildView, keepSelectable, readyToSend, setDraft, toggle, type PaneView, type RowView, type Selection } from './logic/view-state';
import type { MailItemAccess } from './office-host';
import { forgetDevToken, storeDevToken, storedDevToken, type EntraSignIn, type StorageLike } from './sign-in';

export interface PaneHost {
  mailItem: MailItemAccess;
  /** An Entra token for the API: nested app authentication, else Office single sign-on (addin/web/sign-in.ts). */
  entraToken(entra: EntraSignIn | undefined): Promise<string>;
  storage: StorageLike;
  fetch: FetchLike;
  /** e.g. https://host/api/ */
  apiBase: string;
  now(): Date;
  /** Opened outside Outlook (a browser): say so. */
  outsideOutlook: boolean;
}

type ConsultationTarget = Extract<Target, { kind: 'consultation' }>;

type Phase =
  | { kind: 'loading' }
  | { kind: 'signin'; users: DevUsers['users']; error?: string }
  | { kind: 'error'; message: string }
  | { kind: 'no-partner'; me: Me }
  | { kind: 'ready'; me: Me; target: ConsultationTarget; consultation: ConsultationView; dossiers: DossierItem[] };

interface Results {
  intent: 'success' | 'warning' | 'error';
  lines: string[];
}

const useStyles = makeStyles({
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '40rem', minWidth: 0, boxSizing: 'border-box', overflowX: 'hidden' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // Fluent draws an unticked checkbox's label and box in light grey, which reads as disabled: a
  // dossier that can be ticked is written in the normal text colour, its box with a clear border.
  selectableLabel: { color: tokens.colorNeutralForeground1 },
  selectableBox: { borderTopColor: tokens.colorNeutralStrokeAccessible, borderRightColor: tokens.colorNeutralStrokeAccessible, borderBottomColor: tokens.colorNeutralStrokeAccessible, borderLeftColor: tokens.colorNeutralStrokeAccessible },
  fit: { maxWidth: '100%', minWidth: 0 },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const errorText = (error: unknown): string => (error instanceof Error && error.message ? error.message : msg.errors.unexpected);

export function App({ host }: { host: PaneHost }): ReactNode {
  const styles = useStyles();
  const token = useRef<string | undefined>(undefined);
  const devSignIn = useRef(false);
  const resultsRef = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [selection, setSelection] = useState<Selection>({});
  /** The dossier whose withdrawal waits for "Ja, intrekken". */
  const [confirming, setConfirming] = useState<string | undefined>();
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Results | undefined>();
  const [chosenUser, setChosenUser] = useState('');

  const api = useMemo(() => createApiClient({ baseUrl: host.apiBase, fetch: host.fetch, token: () => token.current }), [host]);

  const showSignIn = useCallback(
    async (error?: string) => {
      const { users } = await api.devUsers();
      setPhase({ kind: 'signin', users, ...(error ? { error } : {}) });
    },
    [api],
  );

  /** A refused token: sign in again (dev) or say so. */
  const fail = useCallback(
    async (error: unknown) => {
      if (error instanceof ApiError && error.status === 401 && devSignIn.current) {
        forgetDevToken(host.storage);
        token.current = undefined;
        return showSignIn().catch((e: unknown) => setPhase({ kind: 'error', message: errorText(e) }));
      }
      setPhase({ kind: 'error', message: errorText(error) });
    },
    [host, showSignIn],
  );

  const load = useCallback(async () => {
    const [me, texts] = await Promise.all([api.me(), host.mailItem.texts()]);
    const target = chooseTarget(me, findReference(texts));
    if (target.kind === 'no-partner') return setPhase({ kind: 'no-partner', me });
    const [consultation, { dossiers }] = await Promise.all([api.consultation(target.partnerId, target.month), api.dossiers(target.partnerId)]);
    setPhase({ kind: 'ready', me, target, consultation, dossiers });
  }, [api, host]);

  const start = useCallback(async () => {
    setPhase({ kind: 'loading' });
    setResults(undefined);
    try {
      const options = await api.authOptions();
      devSignIn.current = options.devSignIn;
      if (options.devSignIn) {
        token.current = storedDevToken(host.storage, host.now());
        if (!token.current) return await showSignIn();
      } else {
        token.current = await host.entraToken(options.entra);
      }
      await load();
    } catch (error) {
      await fail(error);
    }
  }, [api, host, load, showSignIn, fail]);

  useEffect(() => {
    void start();
  }, [start]);

  const signIn = async (users: DevUsers['users']) => {
    const user = users.find((u) => u.objectId === chosenUser);
    if (!user) return;
    setPhase({ kind: 'loading' });
    try {
      const minted = await api.devToken(user.tenantId, user.objectId);
      storeDevToken(host.storage, { token: minted.accessToken, expiresAt: minted.expiresAt });
      token.current = minted.accessToken;
      await load();
    } catch (error) {
      await showSignIn(errorText(error)).catch((e: unknown) => setPhase({ kind: 'error', message: errorText(e) }));
    }
  };

  const switchUser = () => {
    forgetDevToken(host.storage);
    token.current = undefined;
    setSelection({});
    setResults(undefined);
    setPhase({ kind: 'loading' });
    showSignIn().catch((e: unknown) => setPhase({ kind: 'error', message: errorText(e) }));
  };

  /** After an action: fresh data, the results announced and focused (the row may have changed). */
  const finish = async (ready: Extract<Phase, { kind: 'ready' }>, outcome: Results, keep: Selection) => {
    try {
      const [consultation, { dossiers }] = await Promise.all([api.consultation(ready.target.partnerId, ready.target.month), api.dossiers(ready.target.partnerId)]);
      const next = { ...ready, consultation, dossiers };
      setPhase(next);
      const view = buildView({ consultation, dossiers, selection: keep, problemMax: ready.me.problemMaxLength, source: ready.target.source, showErrors: false });
      setSelection(keepSelectable(keep, view));
    } catch (error) {
      return fail(error);
    }
    setShowErrors(false);
    setResults(outcome);
    setBusy(false);
    setTimeout(() => resultsRef.current?.focus(), 0);
  };

  const submit = async (ready: Extract<Phase, { kind: 'ready' }>, view: PaneView) => {
    const toSend = readyToSend(selection, ready.me.problemMaxLength);
    if (!toSend.ok) {
      setShowErrors(true);
      setTimeout(() => document.querySelector<HTMLElement>('textarea[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setBusy(true);
    const numbers = new Map(view.rows.map((r) => [r.dossierId, r.number]));
    const lines: string[] = [];
    let failed = false;
    const keep: Record<string, string> = { ...selection };
    for (const flag of toSend.flags) {
      const number = numbers.get(flag.dossierId) ?? flag.dossierId;
      try {
        const result = await api.flag({ partnerId: ready.target.partnerId, month: ready.target.month, dossierId: flag.dossierId, problem: flag.problem });
        lines.push(msg.results.line(number, result.message));
        delete keep[flag.dossierId];
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return fail(error);
        failed = true;
        lines.push(msg.results.line(number, errorText(error)));
      }
    }
    await finish(ready, { intent: failed ? 'warning' : 'success', lines }, keep);
  };

  const withdraw = async (ready: Extract<Phase, { kind: 'ready' }>, row: RowView) => {
    setConfirming(undefined);
    setBusy(true);
    let outcome: Results;
    try {
      const result = await api.withdraw(ready.target.partnerId, ready.target.month, row.dossierId);
      outcome = { intent: 'success', lines: [msg.results.line(row.number, result.message)] };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return fail(error);
      outcome = { intent: 'error', lines: [msg.results.line(row.number, errorText(error))] };
    }
    await finish(ready, outcome, selection);
  };

  const insertSummary = async (consultation: ConsultationView) => {
    const insert = host.mailItem.insert;
    if (!insert) return;
    try {
      await insert(flagSummary(consultation));
      setResults({ intent: 'success', lines: [msg.compose.inserted] });
    } catch {
      setResults({ intent: 'error', lines: [msg.compose.insertFailed] });
    }
  };

  // -------------------------------------------------------------------------------------------
  // Rendering

  const resultsBar = results
    ? h(
        'div',
        { ref: resultsRef, tabIndex: -1, role: 'status', 'aria-live': 'polite' },
        h(
          MessageBar,
          { intent: results.intent, layout: 'multiline' },
          h(MessageBarBody, null, h(MessageBarTitle, null, msg.results.title), ...results.lines.map((line, i) => h('div', { key: i }, line))),
        ),
      )
    : null;

  const renderRow = (ready: Extract<Phase, { kind: 'ready' }>, row: RowView) => {
    const checkboxId = `dossier-${row.dossierId}`;
    return h(
      'li',
      { key: row.dossierId, className: styles.row },
      row.selectable
        ? h(Checkbox, {
            id: checkboxId,
            label: { children: row.label, className: styles.selectableLabel },
            indicator: { className: styles.selectableBox },
            checked: row.selected,
            disabled: busy,
            onChange: () => setSelection((s) => toggle(s, row.dossierId)),
          })
        : h(Body1, null, row.label),
      row.onAgenda ? h(Caption1, { className: styles.muted }, msg.dossiers.onAgenda) : null,
      row.flag ? h(Body1, null, row.flag.text) : null,
      ...row.otherReasons.map((reason, i) => h(Caption1, { key: `reason-${i}`, className: styles.muted }, reason)),
      row.flag?.withdrawable
        ? confirming === row.dossierId
          ? // A decision takes a second click: the question names the dossier and what follows.
            h(
              'div',
              { role: 'group', 'aria-label': row.flag.withdrawLabel, className: styles.confirm },
              h(Body1, null, msg.dossiers.withdrawConfirm(row.number)),
              h(
                'div',
                { className: styles.actions },
                h(Button, { size: 'small', appearance: 'primary', disabled: busy, onClick: () => void withdraw(ready, row) }, msg.dossiers.withdrawYes),
                h(Button, { size: 'small', disabled: busy, onClick: () => setConfirming(undefined) }, msg.dossiers.withdrawNo),
              ),
            )
          : h(
              'div',
              null,
              h(Button, { size: 'small', 'aria-label': row.flag.withdrawLabel, disabled: busy, onClick: () => setConfirming(row.dossierId) }, msg.dossiers.withdraw),
            )
        : null,
      row.problem
        ? h(
            Field,
            {
              label: row.problem.label,
              required: true,
              // The hint once: an error that says the same replaces it; the counter turns red when over.
              hint: h(
                'span',
                null,
                row.problem.error ? '' : `${msg.dossiers.problemHint} `,
                h('span', { 'data-counter': row.problem.over ? 'over' : 'ok', className: row.problem.over ? styles.over : undefined }, row.problem.counter),
              ),
              ...(row.problem.error ? { validationState: 'error' as const, validationMessage: row.problem.error } : {}),
            },
            h(Textarea, {
              value: row.problem.value,
              resize: 'vertical',
              disabled: busy,
              // A hard stop far above the rule's limit; the counter and the rule do the rest.
              maxLength: ready.me.problemMaxLength * 2,
              onChange: (_event: unknown, data: { value: string }) => setSelection((s) => setDraft(s, row.dossierId, data.value)),
            }),
          )
        : null,
    );
  };

  const renderReady = (ready: Extract<Phase, { kind: 'ready' }>) => {
    const view = buildView({
      consultation: ready.consultation,
      dossiers: ready.dossiers,
      selection,
      problemMax: ready.me.problemMaxLength,
      source: ready.target.source,
      showErrors,
    });
    const place = !view.place
      ? null
      : view.place.kind === 'link'
        ? h(Body1, null, `${view.place.before} `, h(Link, { href: view.place.href, target: '_blank', rel: 'noopener noreferrer' }, view.place.text))
        : h(Body1, null, view.place.text);
    return [
      h(
        'section',
        { key: 'consultation', className: styles.section, 'aria-labelledby': 'consultation-heading' },
        h(Subtitle2, { as: 'h2', id: 'consultation-heading' }, view.heading),
        h(Body1, { className: styles.muted }, view.source),
        view.partner ? h(Body1, null, view.partner) : null,
        view.moved ? h(Body1, null, view.moved) : null,
        // R-H: a month cancelled by closing days, or the consultation that takes over its dossiers.
        view.monthCancelled ? h(MessageBar, { intent: 'warning', layout: 'multiline' }, h(MessageBarBody, null, view.monthCancelled)) : null,
        view.takesOver ? h(MessageBar, { intent: 'info', layout: 'multiline' }, h(MessageBarBody, null, view.takesOver)) : null,
        place,
        view.deadline ? h(Body1, null, view.deadline) : null,
        h(Body1, null, view.status),
        view.closed
          ? // A meeting that is over is information, not a warning.
            h(MessageBar, { intent: view.closed.title === msg.consultation.overTitle ? 'info' : 'warning', layout: 'multiline' }, h(MessageBarBody, null, h(MessageBarTitle, null, view.closed.title), view.closed.text))
          : null,
        host.mailItem.insert
          ? h('div', { className: styles.actions }, h(Button, { onClick: () => void insertSummary(ready.consultation), disabled: busy }, msg.compose.insert))
          : null,
      ),
      h('div', { key: 'results' }, resultsBar),
      h(
        'section',
        { key: 'dossiers', className: styles.section, 'aria-labelledby': 'dossiers-heading' },
        h(Subtitle2, { as: 'h2', id: 'dossiers-heading' }, msg.dossiers.heading),
        h(Body1, { className: styles.muted }, view.hint),
        view.empty ? h(Body1, null, view.empty) : h('ul', { className: styles.list }, ...view.rows.map((row) => renderRow(ready, row))),
        h(
          'div',
          { className: styles.actions },
          h(
            Button,
            { appearance: 'primary', disabledFocusable: !view.canAdd || busy, onClick: () => void submit(ready, view) },
            view.addLabel,
          ),
        ),
      ),
    ];
  };

  const renderSignIn = (signin: Extract<Phase, { kind: 'signin' }>) =>
    h(
      'section',
      { className: styles.section, 'aria-labelledby': 'signin-heading' },
      h(Subtitle2, { as: 'h2', id: 'signin-heading' }, msg.signIn.heading),
      h(Body1, { className: styles.muted }, msg.signIn.hint),
      signin.error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, signin.error)) : null,
      h(
        'form',
        {
          className: styles.section,
          onSubmit: (event: { preventDefault(): void }) => {
            event.preventDefault();
            void signIn(signin.users);
          },
        },
        h(
          Field,
          { label: msg.signIn.userLabel, required: true },
          h(
            Select,
            {
              value: chosenUser,
              onChange: (_e: unknown, data: { value: string }) => setChosenUser(data.value),
              // A narrow pane: long names are cut with an ellipsis, never past the pane's edge.
              className: styles.fit,
              select: { style: { maxWidth: '100%', textOverflow: 'ellipsis' } },
            },
            h('option', { value: '' }, msg.signIn.choose),
            ...signin.users.map((u) => h('option', { key: u.objectId, value: u.objectId }, msg.signIn.userOption(u.displayName, u.roleLabel, u.partnerName))),
          ),
        ),
        h('div', { className: styles.actions }, h(Button, { appearance: 'primary', type: 'submit', disabledFocusable: chosenUser === '' }, msg.signIn.button)),
      ),
    );

  let content: ReactNode;
  switch (phase.kind) {
    case 'loading':
      content = h(Spinner, { label: msg.pane.loading });
      break;
    case 'signin':
      content = renderSignIn(phase);
      break;
    case 'error':
      content = h(
        'div',
        { className: styles.section },
        h(MessageBar, { intent: 'error', layout: 'multiline' }, h(MessageBarBody, null, phase.message)),
        h('div', { className: styles.actions }, h(Button, { onClick: () => void start() }, msg.pane.retry)),
      );
      break;
    case 'no-partner':
      content = h(MessageBar, { intent: 'info', layout: 'multiline' }, h(MessageBarBody, null, msg.pane.noPartner));
      break;
    case 'ready':
      content = renderReady(phase);
      break;
  }

  const me = phase.kind === 'ready' || phase.kind === 'no-partner' ? phase.me : undefined;
  return h(
    FluentProvider,
    { theme: webLightTheme },
    h(
      'main',
      { className: styles.main },
      h(
        'header',
        { className: styles.header },
        h(Title3, { as: 'h1' }, msg.pane.title),
        h(Body1, { className: styles.muted }, msg.pane.subtitle),
        me ? h(Caption1, { className: styles.muted }, msg.pane.signedInAs(me.user.displayName, me.user.roleLabel)) : null,
        me && devSignIn.current ? h('div', null, h(Button, { size: 'small', appearance: 'subtle', onClick: switchUser }, msg.signIn.switchUser)) : null,
        host.outsideOutlook && phase.kind === 'ready' && phase.target.source !== 'invitation' ? h(Caption1, { className: styles.muted }, msg.pane.outsideOutlook) : null,
      ),
      content,
    ),
  );
}
