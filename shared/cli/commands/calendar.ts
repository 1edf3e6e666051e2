/** `woonbegeleiding calendar`: the protocol dates per month (R12, R13, R15, R-H). */
import { parseArgs } from 'node:util';
import { cliMessages as msg } from '../../messages/cli';
import { calendarMessages } from '../../messages/calendar';
import { monthCalendar, monthsBetween, parseYearMonth, type MonthCalendar } from '../../rules/calendar';
import { dayOfWeek, parseIsoDate } from '../../rules/dates';
import { DomainError } from '../../rules/errors';
import { renderTable } from '../table';
import { UsageError } from '../cli-error';

const MAX_MONTHS = 1200;

export function calendarCommand(args: string[], out: (text: string) => void): void {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'closing-day': { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.from) throw new UsageError(msg.missingOption('from'));
  if (!values.to) throw new UsageError(msg.missingOption('to'));
  const from = parseYearMonth(values.from);
  const to = parseYearMonth(values.to);
  if (to < from) throw new DomainError('validation', calendarMessages.rangeReversed(from, to));
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) throw new DomainError('validation', calendarMessages.rangeTooLong(MAX_MONTHS));
  const closingDays = (values['closing-day'] ?? []).map(parseIsoDate);

  const entries = months.map((month) => monthCalendar(month, { closingDays }));
  out(values.json ? JSON.stringify(entries, null, 2) : renderCalendar(entries));
}

const withWeekday = (date: string) => `${msg.weekdays[dayOfWeek(date)]} ${calendarMessages.formatDate(date)}`;

function renderCalendar(entries: MonthCalendar[]): string {
  const rows = entries.map((e) => [
    e.month,
    // R-H: a cancelled month has no dates of its own.
    e.cancelled ? msg.cancelledCell : withWeekday(e.meetingDate),
    e.cancelled ? msg.cancelledCell : withWeekday(e.invitationDate),
    e.cancelled ? msg.cancelledCell : msg.deadlineAt(calendarMessages.formatDate(e.flagDeadline.slice(0, 10)), e.flagDeadline.slice(11, 16)),
    // R-H: every remark a whole sentence; a cancelled month says so and where its dossiers go.
    (e.cancelled
      ? [e.cancelled.description]
      : [
          e.meetingMoved && msg.meetingMovedNote(e.meetingMoved.description),
          e.invitationMoved && msg.invitationMovedNote(e.invitationMoved.description),
          e.takesOver?.description,
        ]
    )
      .filter(Boolean)
      .join(' '),
  ]);
  return renderTable(msg.calendarHeader, rows);
}
