/// <reference lib="dom" />
/**
 * A date field: Fluent UI's date picker in Belgian Dutch (dd/mm/jjjj, Dutch month and day names, the
 * week from Monday). Typed or picked, the form holds the ISO day (JJJJ-MM-DD) that the API takes; a
 * typed text that is no day is refused with a Dutch sentence at the field (the picker then shows the
 * day it had).
 */
import { DayOfWeek } from '@fluentui/react-calendar-compat';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import { createElement as h, useMemo, useRef, type ReactNode } from 'react';
import { dateInputMessages as t } from '../../../shared/messages/date-input';
import { calendarFormatting, calendarTexts, displayDate, isoOfLocalDate, localDateOf, parseTypedDate } from '../logic/date-input';

const formatDate = (date?: Date): string => (date ? displayDate(isoOfLocalDate(date)) : '');

export function DateField(props: { value: string; onChange(iso: string): void; onProblem(message: string | undefined): void }): ReactNode {
  const strings = useMemo(calendarTexts, []);
  const typed = useRef('');
  const parse = (text: string): Date | null => {
    typed.current = text;
    const iso = parseTypedDate(text);
    return (iso ? localDateOf(iso) : undefined) ?? null;
  };
  return h(DatePicker, {
    value: localDateOf(props.value) ?? null,
    allowTextInput: true,
    firstDayOfWeek: DayOfWeek.Monday,
    strings,
    dateTimeFormatter: calendarFormatting,
    formatDate,
    parseDateFromString: parse,
    placeholder: t.placeholder,
    showGoToToday: true,
    onSelectDate: (date: Date | null | undefined) => {
      props.onChange(date ? isoOfLocalDate(date) : '');
    },
    onValidationResult: (result: { error?: string }) => props.onProblem(result.error === 'invalid-input' ? t.invalid(typed.current.trim()) : undefined),
  });
}
