/// <reference lib="dom" />
/** The signals on a dossier page. */
import { Body1, Subtitle2 } from '@fluentui/react-components';
import { createElement as h, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { DossierPage } from '../../../shared/api/dossier-schemas';

/** R8/R9: the signals this user may read: kind, moment, organisation and what was written (the read is audited). */
export function SignalList(props: { signals: DossierPage['signals']; other: number }): ReactNode {
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
