/// <reference lib="dom" />
/**
 * The landlord's overview in pictures (personal tab "Overzicht" and a browser page): one chart per
 * figure (Fluent UI's chart controls for React v9) with a table under it as its text alternative,
 * numbers and months in Belgian Dutch. The numbers are the report of GET /api/report, the same use
 * case as `woonbegeleiding report`: this page only draws them.
 */
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Title3 } from '@fluentui/react-components';
import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { createElement as h, useCallback, useEffect, useState, type ReactNode } from 'react';
import { reportMessages as msg } from '../../shared/messages/report';
import { REPORT_MILESTONES, REPORT_STATUSES, type Report } from '../../shared/rules/report';
import { brusselsMonth } from './meeting-app';
import { recentMonths, shiftMonth } from './logic/months';

/** How far back the period can start: four years of months to pick from. */
const MONTHS_TO_PICK = 48;

// The charts' legend writes every word with a capital ("Positief Afgerond"); Dutch labels stay as written.
const LEGEND_CASE = '.fui-legend__legend, .fui-legend__text { text-transform: none !important; }';
import type { SignedInView } from './app';

const PALETTE = ['#0f6cbd', '#c239b3', '#e3008c', '#107c10', '#8764b8', '#ca5010', '#038387'];

/** One figure: its chart groups and the same numbers as a table. */
interface Figure {
  id: string;
  title: string;
  /** Column headings: the group label first, then one per series. */
  columns: string[];
  rows: { label: string; values: number[] }[];
}

function figures(report: Report): Figure[] {
  const c = msg.column;
  return [
    {
      id: 'trajectories',
      title: msg.chart.trajectories,
      columns: [c.partner, ...REPORT_STATUSES.map((s) => msg.status[s])],
      rows: report.trajectories.map((t) => ({ label: t.partnerId, values: REPORT_STATUSES.map((s) => t.byStatus[s] ?? 0) })),
    },
    {
      id: 'milestones',
      title: msg.chart.milestones,
      columns: [c.milestone, ...report.milestones.map((m) => msg.month(m.month)), c.overdue],
      rows: REPORT_MILESTONES.map((k) => ({ label: msg.milestone[k], values: [...report.milestones.map((m) => m.byKind[k] ?? 0), report.overdue.byKind[k] ?? 0] })),
    },
    {
      id: 'extensions',
      title: msg.chart.extensions,
      columns: [c.months, c.count],
      rows: report.extensions.map((e) => ({ label: msg.extensionMonths(e.months), values: [e.count] })),
    },
    {
      id: 'closures',
      title: msg.chart.closures,
      columns: [c.quarter, c.positive, c.stopped],
      rows: report.closures.map((q) => ({ label: q.quarter, values: [q.positive, q.stopped] })),
    },
    {
      id: 'consultations',
      title: msg.chart.consultations,
      columns: [c.month, c.held, c.skipped, c.awaiting, c.confirmed],
      rows: report.consultations.map((m) => ({ label: msg.month(m.month), values: [m.held, m.skipped, m.awaitingConfirmation, m.confirmed] })),
    },
    {
      id: 'signals',
      title: msg.chart.signals,
      columns: [c.signal, c.count],
      rows: report.signals.map((s) => ({ label: msg.signal[s.category], values: [s.count] })),
    },
  ];
}

const chartData = (f: Figure): GroupedVerticalBarChartData[] =>
  f.rows.map((r) => ({
    name: r.label,
    series: r.values.map((v, i) => ({ key: `${f.id}-${i}`, data: v, legend: f.columns[i + 1] ?? '', color: PALETTE[i % PALETTE.length] as string, yAxisCalloutData: msg.number(v) })),
  }));

function FigureBlock({ figure, width }: { figure: Figure; width: number }): ReactNode {
  return h(
    'section',
    { 'aria-labelledby': `fig-${figure.id}`, 'data-figure': figure.id, style: { marginTop: '24px' } },
    h(Subtitle2, { as: 'h2', id: `fig-${figure.id}`, style: { display: 'block' } }, figure.title),
    figure.rows.length === 0
      ? h(Body1, { as: 'p' }, msg.none)
      : h(
          'div',
          { 'aria-hidden': false },
          h(GroupedVerticalBarChart, { data: chartData(figure), width, height: 260, chartTitle: figure.title, yAxisTickFormat: (v: number) => msg.number(v), hideLegend: figure.columns.length <= 2 }),
        ),
    h(
      'table',
      { style: { borderCollapse: 'collapse', marginTop: '8px' } },
      h('caption', { style: { textAlign: 'left', fontWeight: 600 } }, msg.tableCaption(figure.title)),
      h('thead', null, h('tr', null, ...figure.columns.map((col, i) => h('th', { key: i, scope: 'col', style: { textAlign: i === 0 ? 'left' : 'right', padding: '2px 8px' } }, col)))),
      h(
        'tbody',
        null,
        ...figure.rows.map((r) =>
          h('tr', { key: r.label }, h('th', { scope: 'row', style: { textAlign: 'left', padding: '2px 8px', fontWeight: 400 } }, r.label), ...r.values.map((v, i) => h('td', { key: i, style: { textAlign: 'right', padding: '2px 8px' } }, msg.number(v)))),
        ),
      ),
    ),
  );
}

export const overviewView: SignedInView = function OverviewPage({ client }) {
  const current = brusselsMonth(new Date());
  const [from, setFrom] = useState(() => shiftMonth(current, -11));
  const months = recentMonths(current, MONTHS_TO_PICK);
  const monthSelect = (value: string, set: (v: string) => void) =>
    h(Select, { value, onChange: (_e: unknown, d: { value: string }) => set(d.value) }, ...months.map((m) => h('option', { key: m, value: m }, msg.month(m))));
  const [to, setTo] = useState(current);
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (f: string, t: string) => {
    setLoading(true);
    try {
      setReport(await client.report(f, t));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [client]);

  useEffect(() => {
    void load(from, to);
    // Only the first time: afterwards the button asks.
  }, [load]);

  const width = Math.min(900, Math.max(320, (typeof window !== 'undefined' ? window.innerWidth : 900) - 64));
  return h(
    'main',
    null,
    h('style', null, LEGEND_CASE),
    h(Title3, { as: 'h1' }, msg.title),
    h(
      'form',
      {
        'aria-label': msg.title,
        onSubmit: (e: { preventDefault(): void }) => {
          e.preventDefault();
          void load(from, to);
        },
        style: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap' },
      },
      h(Field, { label: msg.fromLabel }, monthSelect(from, setFrom)),
      h(Field, { label: msg.toLabel }, monthSelect(to, setTo)),
      h(Button, { type: 'submit', appearance: 'primary' }, msg.show),
    ),
    error ? h(MessageBar, { intent: 'error', role: 'alert' }, h(MessageBarBody, null, error)) : null,
    loading && !report ? h(Spinner, { label: msg.loading }) : null,
    report ? h(Body1, { as: 'p' }, `${msg.period(msg.month(report.from), msg.month(report.to))}. ${msg.asOf(msg.date(report.today))}.`) : null,
    ...(report ? figures(report).map((f) => h(FigureBlock, { key: f.id, figure: f, width })) : []),
  );
};
