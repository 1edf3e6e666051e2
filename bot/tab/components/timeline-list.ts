/// <reference lib="dom" />
/** A dossier's timeline: each entry with its date and state. */
import { Badge } from '@fluentui/react-components';
import { createElement as h, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { TimelineEntry } from '../../../shared/api/dossier-schemas';

const stateColor = (state: TimelineEntry['state']) => (state === 'overdue' || state === 'missed' ? 'danger' : state === 'done' ? 'success' : state === 'planned' ? 'informative' : 'warning');

export function TimelineList(props: { entries: readonly TimelineEntry[] }): ReactNode {
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
