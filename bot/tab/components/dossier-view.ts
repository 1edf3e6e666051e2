/// <reference lib="dom" />
/** The dossier page: its facts, what is due next, the signals, a form for every step the user may take (the API says which) and the timeline. */
import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Title3 } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { DossierPage, FormId } from '../../../shared/api/dossier-schemas';
import type { TabClient } from '../api-client';
import type { TabHost } from '../app';
import { dossierForm } from '../logic/forms';
import { ContactLetterSection } from './contact-letter';
import { errorText } from './error-text';
import { SignalList } from './signal-list';
import { StepForm } from './step-form';
import { TimelineList } from './timeline-list';

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

export function DossierView(props: { client: TabClient; dossierId: string; host: TabHost; initialForm?: string; onBack: (() => void) | undefined }): ReactNode {
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
    page.contactLetter ? h(ContactLetterSection, { client: props.client, letter: page.contactLetter }) : null,
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
