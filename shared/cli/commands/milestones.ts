/** `woonbegeleiding milestones`: the milestones of a trajectory (R2, R11, R17, R19, R20). */
import { parseArgs } from 'node:util';
import { cliMessages as msg } from '../../messages/cli';
import { calendarMessages } from '../../messages/calendar';
import { trajectoryTimingMessages } from '../../messages/milestones';
import { milestones, plannedEndOf } from '../../rules/milestones';
import { parseIsoDate } from '../../rules/dates';
import { DomainError } from '../../rules/errors';
import { renderTable } from '../table';
import { UsageError } from '../cli-error';
import type { TrajectoryKind } from '../../rules/types';

const STRICT_INTEGER = /^[0-9]+$/;

export function milestonesCommand(args: string[], out: (text: string) => void): void {
  const { values } = parseArgs({
    args,
    options: {
      'lease-start': { type: 'string' },
      extension: { type: 'string', multiple: true },
      kind: { type: 'string' },
      'closing-day': { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values['lease-start']) throw new UsageError(msg.missingOption('lease-start'));
  const leaseStart = parseIsoDate(values['lease-start']);
  const extensions = (values.extension ?? []).map((value) => {
    // "6.0", "1e1" or "" are not a number of months; the rule checks the multiple of 3 (R20).
    const months = STRICT_INTEGER.test(value) ? Number(value) : Number.NaN;
    if (Number.isNaN(months)) throw new DomainError('validation', trajectoryTimingMessages.extensionNotMultipleOfThree(value));
    return months;
  });
  const kind = (values.kind ?? 'VT') as TrajectoryKind;
  if (kind !== 'VT' && kind !== 'other') throw new UsageError(msg.badOption(`--kind ${values.kind}`));
  const closingDays = (values['closing-day'] ?? []).map(parseIsoDate);

  const list = milestones({ leaseStart, extensions, kind }, { closingDays });
  const result = { leaseStart, plannedEnd: plannedEndOf(leaseStart, extensions), milestones: list };
  if (values.json) return out(JSON.stringify(result, null, 2));

  const format = calendarMessages.formatDate;
  out(
    [
      msg.leaseStartLine(format(leaseStart)),
      msg.plannedEndLine(format(result.plannedEnd)),
      '',
      renderTable(
        msg.milestonesHeader,
        list.map((m) => [
          trajectoryTimingMessages.milestoneLabel[m.kind],
          format(m.due),
          m.consultation ? format(m.consultation) : msg.noConsultation,
        ]),
      ),
    ].join('\n'),
  );
}
