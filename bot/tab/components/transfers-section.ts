/// <reference lib="dom" />
/** R6: transfer requests for the receiving organisation, each decision confirmed with a second click. */
import { Body1, Button, MessageBar, MessageBarBody, Subtitle2, Textarea } from '@fluentui/react-components';
import { createElement as h, useCallback, useEffect, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { TransferRequests } from '../../../shared/api/organisation-schemas';
import type { TabClient } from '../api-client';
import { errorText } from './error-text';

export function TransfersSection(props: { client: TabClient; onDecided(): void }): ReactNode {
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
