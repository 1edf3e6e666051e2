/// <reference lib="dom" />
/**
 * The consultation in the Teams meeting (R13-R16): the side panel, the meeting stage and the same page
 * in a browser for an in-person consultation. It shows the partner's agenda of the month (the three
 * parts, reasons and problem statements; numbers, no tenant names) and the conclusions noted so far,
 * refreshed every few seconds so everyone in the meeting sees the same list. The coordinator notes a
 * conclusion per dossier and closes the list; the API and its use cases decide everything.
 */
import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Textarea, Input, Title3 } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useState, type ReactNode } from 'react';
import { meetingMessages as msg } from '../../shared/messages/meeting';
import type { MeetingDossier, MeetingNoteBody, MeetingView } from '../../shared/api/meeting-schemas';
import { ApiError, type TabClient } from './api-client';
import type { SignedInView } from './app';

/** How often the list is read again (everyone in the meeting sees the others' notes). */
export const REFRESH_MS = 4000;

const dayLabel = (day: string): string => new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
const timeLabel = (d: Date): string => new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Europe/Brussels' }).format(d);

/** The month of the consultation being held: this month in Brussels. */
export const brusselsMonth = (now: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface MeetingTarget {
  partnerId?: string;
  month?: string;
  /** ?config=1: the tab's configuration page (choose the partner). */
  config: boolean;
}

export const meetingTarget = (search: string): MeetingTarget => {
  const p = new URLSearchParams(search);
  return { ...(p.get('partner') ? { partnerId: p.get('partner') as string } : {}), ...(p.get('month') ? { month: p.get('month') as string } : {}), config: p.get('config') === '1' };
};

export function meetingView(target: MeetingTarget, pageUrl: string): SignedInView {
  return function MeetingPage({ client, me, host }) {
    const partnerId = target.partnerId ?? me.partner?.id;
    if (target.config) return h(MeetingConfig, { client, host, pageUrl });
    if (!partnerId) return h(MessageBar, { intent: 'warning' }, h(MessageBarBody, null, msg.noPartner));
    const frame = host.teams?.frameContext ?? 'content';
    return h(MeetingPanel, { client, partnerId, month: target.month ?? brusselsMonth(new Date()), frame, host, pageUrl });
  };
}

function MeetingConfig(props: { client: TabClient; host: Parameters<SignedInView>[0]['host']; pageUrl: string }): ReactNode {
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    props.client.organisation().then((o) => setPartners(o.partners.map((p) => ({ id: p.id, name: p.name }))), (e: unknown) => setError(errorText(e)));
  }, [props.client]);
  const choose = (id: string) => {
    const url = new URL(props.pageUrl);
    url.search = `?partner=${encodeURIComponent(id)}`;
    const name = partners.find((p) => p.id === id)?.name ?? id;
    void props.host.teams?.configure({ contentUrl: url.toString(), entityId: `meeting-${id}`, suggestedDisplayName: name });
  };
  return h(
    'div',
    null,
    h(Body1, { as: 'p' }, msg.configIntro),
    error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, error)) : null,
    h(Field, { label: msg.configPartner }, h(Select, { onChange: (_e: unknown, d: { value: string }) => choose(d.value) }, h('option', { value: '' }, ''), ...partners.map((p) => h('option', { key: p.id, value: p.id }, p.name)))),
  );
}

interface PanelProps {
  client: TabClient;
  partnerId: string;
  month: string;
  frame: string;
  host: Parameters<SignedInView>[0]['host'];
  pageUrl: string;
}

function MeetingPanel(props: PanelProps): ReactNode {
  const { client, partnerId, month } = props;
  const [view, setView] = useState<MeetingView>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [updated, setUpdated] = useState<Date>();
  const [editing, setEditing] = useState<string>();

  const load = useCallback(async () => {
    try {
      setView(await client.meeting(partnerId, month));
      setUpdated(new Date());
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, [client, partnerId, month]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (!view) return error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, error)) : h(Spinner, { label: msg.refresh });
  const stage = props.frame === 'meetingStage';
  const decide = view.canDecide && view.status === 'open' && !stage;
  const noted = new Map(view.conclusions.map((c) => [c.dossierId, c]));

  const share = async () => {
    try {
      await props.host.teams?.shareToStage(props.pageUrl);
      setNotice(msg.shared);
    } catch {
      setNotice(msg.shareFailed);
    }
  };
  const send = async () => {
    try {
      const next = await client.sendConclusions(partnerId, month);
      setView(next);
      setNotice(next.message ?? msg.closed);
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
      void load();
    }
  };

  // A dossier to discuss is also in the overview: it is listed once, at its first place; a later part
  // says how many of its dossiers are above.
  const placed = new Set<string>();
  const parts = view.parts.map((part) => {
    const dossiers = part.dossiers.filter((d) => !placed.has(d.dossierId));
    dossiers.forEach((d) => placed.add(d.dossierId));
    return { ...part, dossiers, above: part.dossiers.length - dossiers.length };
  });
  const dossierBlock = (d: MeetingDossier) => {
    const c = noted.get(d.dossierId);
        const head = [d.number, d.kindLabel, d.statusLabel].join(' · ');
    return h(
      'li',
      { key: d.dossierId, 'data-dossier': d.number, style: { borderTop: '1px solid #e0e0e0', padding: '8px 0', listStyle: 'none' } },
      h(Subtitle2, { as: 'h3', style: { display: 'block', margin: 0 } }, head),
      d.milestones.length > 0 ? h(Caption1, { as: 'p', style: { display: 'block', margin: '2px 0' } }, d.milestones.join(', ')) : null,
      d.reasons.length > 0
        ? h('ul', { style: { margin: '4px 0', paddingLeft: '18px' } }, ...d.reasons.map((r, i) => h('li', { key: i }, r.label, r.problem ? h('q', { style: { fontStyle: 'italic', marginLeft: '4px' } }, r.problem) : null)))
        : null,
      c
        ? h('p', { 'data-noted': 'true', style: { margin: '4px 0' } }, h('strong', null, `${msg.noted}: ${c.decisionLabel}`), ' ', c.summary)
        : null,
      decide && editing !== d.dossierId ? h(Button, { size: 'small', onClick: () => setEditing(d.dossierId) }, c ? msg.change : msg.note) : null,
      decide && editing === d.dossierId
        ? h(NoteForm, {
            dossier: d,
            view,
            ...(c ? { current: { summary: c.summary, decision: c.decision } } : {}),
            onCancel: () => setEditing(undefined),
            onSave: async (note: MeetingNoteBody) => {
              const next = await client.noteConclusion(partnerId, month, note);
              setView(next);
              setEditing(undefined);
              setNotice(next.message);
            },
          })
        : null,
    );
  };

  const statusLine =
    view.status === 'confirmed' && view.confirmation
      ? [msg.confirmed(dayLabel(view.confirmation.at.slice(0, 10))), ...(view.confirmation.remark ? [msg.confirmedRemark(view.confirmation.remark)] : [])].join(' ')
      : view.status === 'sent'
        ? msg.awaiting(view.partnerName)
        : undefined;

  return h(
    'main',
    { style: { fontSize: stage ? '18px' : undefined } },
    h(Title3, { as: 'h1' }, stage ? msg.stageTitle(view.partnerName) : msg.title(view.partnerName, dayLabel(view.meetingDate))),
    view.address ? h(Body1, { as: 'p' }, msg.inPerson(view.address)) : null,
    view.cancelled ? h(MessageBar, { intent: 'info' }, h(MessageBarBody, null, msg.cancelledMeeting)) : null,
    !view.canDecide && !stage ? h(Body1, { as: 'p' }, msg.followAlong) : null,
    notice ? h(MessageBar, { intent: 'success', role: 'status' }, h(MessageBarBody, null, notice)) : null,
    error ? h(MessageBar, { intent: 'error', role: 'alert' }, h(MessageBarBody, null, error)) : null,
    statusLine ? h('div', { 'data-status': view.status }, h(MessageBar, { intent: view.status === 'confirmed' ? 'success' : 'info' }, h(MessageBarBody, null, statusLine))) : null,
    props.frame === 'sidePanel' && props.host.teams ? h(Button, { onClick: () => void share(), style: { margin: '8px 0' } }, msg.shareToStage) : null,
    ...parts.map((part) =>
      h(
        'section',
        { key: part.part, 'aria-labelledby': `part-${part.part}` },
        h(Subtitle2, { as: 'h2', id: `part-${part.part}`, style: { display: 'block', marginTop: '16px' } }, part.title),
        part.dossiers.length === 0 && part.above === 0 ? h(Caption1, { as: 'p' }, msg.nothingInPart) : null,
        part.above > 0 ? h('p', { 'data-also-above': String(part.above), style: { fontSize: '12px', margin: '4px 0' } }, msg.alsoAbove(part.above)) : null,
        part.dossiers.length > 0 ? h('ul', { style: { padding: 0, margin: 0 } }, ...part.dossiers.map(dossierBlock)) : null,
      ),
    ),
    view.status === 'sent' || view.status === 'confirmed'
      ? h(
          'section',
          { 'aria-labelledby': 'sent' },
          h(Subtitle2, { as: 'h2', id: 'sent', style: { display: 'block', marginTop: '16px' } }, msg.notesCount(view.conclusions.length)),
          h('ul', null, ...view.conclusions.map((c) => h('li', { key: c.dossierId }, h('strong', null, `${c.number}: ${c.decisionLabel}`), ' ', c.summary))),
        )
      : null,
    decide
      ? h(
          'div',
          { style: { marginTop: '16px' } },
          h(Caption1, { as: 'p' }, `${msg.notesCount(view.conclusions.length)} ${msg.closeHelp}`),
          h(Button, { appearance: 'primary', disabled: view.conclusions.length === 0, onClick: () => void send() }, msg.close),
        )
      : null,
    updated ? h(Caption1, { as: 'p', style: { marginTop: '12px' } }, msg.updatedAt(timeLabel(updated))) : null,
  );
}

function NoteForm(props: {
  dossier: MeetingDossier;
  view: MeetingView;
  current?: { summary: string; decision: MeetingNoteBody['decision'] };
  onCancel(): void;
  onSave(note: MeetingNoteBody): Promise<void>;
}): ReactNode {
  const [summary, setSummary] = useState(props.current?.summary ?? '');
  const [kind, setKind] = useState<string>(props.current?.decision.kind ?? 'none');
  const [months, setMonths] = useState(String(props.current?.decision.months ?? props.view.extensionMonths[0] ?? 3));
  const [reason, setReason] = useState(props.current?.decision.reason ?? '');
  const [error, setError] = useState<{ text: string; fields: string[] }>();
  const id = (f: string) => `${props.dossier.dossierId}-${f}`;
  const errorOn = (...fields: string[]) => (error && fields.some((f) => error.fields.includes(f)) ? error.text : undefined);
  const save = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    const decision = { kind, ...(kind === 'extend' ? { months: Number(months) } : {}), ...(kind === 'stop' ? { reason } : {}) } as MeetingNoteBody['decision'];
    try {
      await props.onSave({ dossierId: props.dossier.dossierId, summary, decision });
    } catch (err) {
      setError({ text: errorText(err), fields: err instanceof ApiError ? [...err.fields] : [] });
    }
  };
  const general = error && !['summary', 'decision', 'decision.kind', 'decision.months', 'months', 'decision.reason', 'reason'].some((f) => error.fields.includes(f)) ? error.text : undefined;
  return h(
    'form',
    { 'aria-label': msg.noteHeading(props.dossier.number), onSubmit: (e: { preventDefault(): void }) => void save(e), style: { display: 'grid', gap: '8px', maxWidth: '520px', margin: '8px 0' } },
    h(Field, { label: msg.summary, validationMessage: errorOn('summary') }, h(Textarea, { id: id('summary'), value: summary, onChange: (_e: unknown, d: { value: string }) => setSummary(d.value) })),
    h(
      Field,
      { label: msg.decision, validationMessage: errorOn('decision', 'decision.kind') },
      h(Select, { value: kind, onChange: (_e: unknown, d: { value: string }) => setKind(d.value) }, ...props.view.decisionKinds.map((k) => h('option', { key: k.kind, value: k.kind }, k.label))),
    ),
    kind === 'extend'
      ? h(
          Field,
          { label: msg.months, validationMessage: errorOn('months', 'decision.months') },
          h(Select, { value: months, onChange: (_e: unknown, d: { value: string }) => setMonths(d.value) }, ...props.view.extensionMonths.map((m) => h('option', { key: m, value: String(m) }, msg.monthsOption(m)))),
        )
      : null,
    kind === 'stop' ? h(Field, { label: msg.stopReason, validationMessage: errorOn('reason', 'decision.reason') }, h(Input, { value: reason, onChange: (_e: unknown, d: { value: string }) => setReason(d.value) })) : null,
    general ? h(MessageBar, { intent: 'error', role: 'alert' }, h(MessageBarBody, null, general)) : null,
    h('div', { style: { display: 'flex', gap: '8px' } }, h(Button, { appearance: 'primary', type: 'submit' }, msg.save), h(Button, { type: 'button', onClick: props.onCancel }, msg.cancel)),
  );
}
