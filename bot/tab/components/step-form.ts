/// <reference lib="dom" />
/** One form (a spec from logic/forms.ts): its fields, every missing one at once, the API's refusal at its field. */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { createElement as h, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import { ApiError, type TabClient } from '../api-client';
import { errorPlacement, initialValues, isShown, missingRequired, resolvePath, type FormSpec, type Values } from '../logic/forms';
import { DateField } from './date-field';
import { errorText } from './error-text';

export function StepForm(props: {
  client: TabClient;
  spec: FormSpec;
  done: string;
  onCancel(): void;
  onDone(result: { dossierId?: string; message: string; changed: boolean }): void;
  /** How the form is sent; default a step of a dossier (client.act). */
  send?(path: string, body: unknown): Promise<{ dossierId?: string; message: string; changed: boolean }>;
}): ReactNode {
  const { spec } = props;
  const [values, setValues] = useState<Values>(() => initialValues(spec));
  const [requestKey] = useState(() => crypto.randomUUID()); // one per opened form: a second "save" repeats it
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | undefined>();
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const [missing, setMissing] = useState<Record<string, string>>({});
  /** A typed date that is no day, at its field (the picker keeps the day it had). */
  const [badDates, setBadDates] = useState<Record<string, string | undefined>>({});
  const submit = async () => {
    // Every empty required field at once, at its field; nothing is sent until they are filled in.
    const empty = missingRequired(spec, values);
    setMissing(Object.fromEntries(empty.map((m) => [m.field, m.message])));
    if (empty.length > 0) {
      setError(empty.length > 1 ? { message: msg.fieldsToFix(empty.length) } : undefined);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const path = resolvePath(spec.path, values);
      const body = spec.body(values, requestKey);
      const result = props.send ? await props.send(path, body) : await props.client.act(path, body);
      props.onDone(result);
    } catch (e) {
      const field = e instanceof ApiError ? errorPlacement(spec, e.fields) : undefined;
      setError({ message: errorText(e), ...(field ? { field } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const control = (f: FormSpec['fields'][number]): ReactNode => {
    const value = values[f.name];
    switch (f.type) {
      case 'select':
        return h(Select, { value: String(value ?? ''), onChange: (_e: unknown, d: { value: string }) => set(f.name, d.value) }, ...(f.options ?? []).map((o) => h('option', { key: o.value, value: o.value }, o.label)));
      case 'textarea':
        return h(Textarea, { value: String(value ?? ''), onChange: (_e: unknown, d: { value: string }) => set(f.name, d.value) });
      case 'date':
        return h(DateField, {
          value: String(value ?? ''),
          onChange: (iso: string) => set(f.name, iso),
          onProblem: (message: string | undefined) => setBadDates((b) => ({ ...b, [f.name]: message })),
        });
      case 'checkbox':
        return h(Checkbox, { checked: value === true, onChange: (_e: unknown, d: { checked: boolean | 'mixed' }) => set(f.name, d.checked === true) });
      default:
        return h(Input, { type: f.type === 'number' ? 'number' : 'text', value: String(value ?? ''), onChange: (_e: unknown, d: { value: string }) => set(f.name, d.value) });
    }
  };

  return h(
    'form',
    {
      'aria-label': spec.title,
      style: { border: '1px solid #ccc', borderRadius: '4px', padding: '12px', margin: '8px 0', display: 'grid', gap: '8px', maxWidth: '560px' },
      onSubmit: (e: { preventDefault(): void }) => {
        e.preventDefault();
        void submit();
      },
    },
    h(Subtitle2, { as: 'h3' }, spec.title),
    ...spec.fields
      .filter((f) => isShown(f, values))
      .map((f) => {
        const problem = error?.field === f.name ? error.message : (badDates[f.name] ?? missing[f.name]);
        return h(
          Field,
          {
            key: f.name,
            label: f.required ? { children: h('span', null, f.label, ' ', h('span', { style: { color: '#616161', fontWeight: 400 } }, msg.requiredMark)) } : f.label,
            ...(f.required ? { 'data-required': 'true' } : {}),
            ...(problem ? { validationMessage: problem, validationState: 'error' as const } : {}),
          },
          control(f),
        );
      }),
    error && !error.field ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, { role: 'alert' }, error.message)) : null,
    h(
      'div',
      { style: { display: 'flex', gap: '8px' } },
      h(Button, { appearance: 'primary', type: 'submit', disabled: busy }, msg.forms.submit),
      h(Button, { type: 'button', onClick: props.onCancel }, msg.forms.cancel),
    ),
  );
}
