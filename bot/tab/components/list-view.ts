/// <reference lib="dom" />
/** The list of dossiers with its filters, the transfer requests above it and the forms that start a dossier or an absence. */
import { Badge, Body1, Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner, Title3 } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { Overview } from '../../../shared/api/dossier-schemas';
import type { TabClient } from '../api-client';
import { absenceForm, candidacyForm } from '../logic/forms';
import { errorText } from './error-text';
import { StepForm } from './step-form';
import { TransfersSection } from './transfers-section';

export function ListView(props: { client: TabClient; onOpen(id: string): void }): ReactNode {
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
