/// <reference lib="dom" />
/**
 * §3, R5: the tenant's contact letter on the dossier page: download it (PDF, named after the dossier,
 * not the tenant) or print it. The API decides whether there is one (the page names its path); a
 * refusal comes back in Dutch.
 */
import { Body1, Button, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { createElement as h, useState, type ReactNode } from 'react';
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { DossierPage } from '../../../shared/api/dossier-schemas';
import type { TabClient } from '../api-client';
import { errorText } from './error-text';

type Letter = NonNullable<DossierPage['contactLetter']>;

/** The browser's own PDF viewer prints it: the file in a hidden frame, printed once loaded. */
function printPdf(url: string): void {
  const frame = document.createElement('iframe');
  frame.style.display = 'none';
  frame.src = url;
  frame.onload = () => frame.contentWindow?.print();
  document.body.appendChild(frame);
}

function saveAs(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}

export function ContactLetterSection(props: { client: TabClient; letter: Letter }): ReactNode {
  const t = msg.dossier.contactLetter;
  const [error, setError] = useState<string | undefined>();
  const fetchThen = (use: (url: string) => void) => () => {
    props.client.file(props.letter.path).then(
      (blob) => {
        setError(undefined);
        use(URL.createObjectURL(blob));
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  return h(
    'section',
    { 'aria-label': t.heading },
    h(Subtitle2, { as: 'h2' }, t.heading),
    h(Body1, { as: 'p', block: true, style: { margin: '4px 0' } }, t.explain),
    h(
      'div',
      { style: { display: 'flex', gap: '8px', margin: '8px 0' } },
      h(Button, { onClick: fetchThen((url) => saveAs(url, props.letter.fileName)) }, t.download),
      h(Button, { onClick: fetchThen(printPdf) }, t.print),
    ),
    error ? h(MessageBar, { intent: 'error' }, h(MessageBarBody, null, error)) : null,
  );
}
