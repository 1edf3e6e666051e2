/**
 * The forms of the steps of a trajectory, as data: their fields (named as the API names them, so a
 * refusal that names a field is shown next to it), where they are sent and how the values become the
 * request body. Pure: the page renders them, the server decides (nothing is checked here that the
 * server does not check again).
 */
import { tabMessages as msg } from '../../../shared/messages/tab';
import type { DossierPage, FormId } from '../../../shared/api/dossier-schemas';
import type { Organisation, PartnerItem, UserItem } from '../../../shared/api/organisation-schemas';

export type FieldType = 'text' | 'textarea' | 'date' | 'select' | 'checkbox' | 'number';

export interface FieldSpec {
  /** The API's name of the field (e.g. tenant.name, signatures.tenant, findings.garden). */
  name: string;
  label: string;
  type: FieldType;
  options?: { value: string; label: string }[];
  initial?: string | boolean;
  /** Must be filled in: marked on the page and checked before sending (the server checks again). */
  required?: boolean;
  /** Only shown (and only required) while another field has this value, e.g. the reason when a contact did not take place. */
  showWhen?: { field: string; value: string };
}

export type Values = Record<string, string | boolean>;

export interface FormSpec {
  id: FormId | 'candidacy' | 'partner' | 'user';
  title: string;
  fields: FieldSpec[];
  /** Relative to /api/. */
  path: string;
  /**
   * The request body. `requestKey` is the open form's own id: a create sends it as its idempotency key,
   * so pressing "save" again after a failure does not create a second one (and repairs its audit entry).
   */
  body(values: Values, requestKey: string): unknown;
}

const L = msg.fieldLabel;
const F = msg.formLabel;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** The page's label of a field: its own wording where there is one, else the API's name of it. */
const label = (name: string): string => {
  const own = (F as Record<string, unknown>)[name];
  return typeof own === 'string' ? own : capital(L[name] ?? name);
};
/** A field that must be filled in. */
const req = <T extends FieldSpec>(field: T): T => ({ ...field, required: true });
const str = (v: Values, name: string): string => (typeof v[name] === 'string' ? (v[name] as string).trim() : '');
/** Only what was filled in: an empty optional field is left out (the service's default applies). */
const optional = (v: Values, name: string, key = name): Record<string, string> => (str(v, name) ? { [key]: str(v, name) } : {});
const yesNo = [
  { value: '', label: '' },
  { value: 'yes', label: msg.forms.yes },
  { value: 'no', label: msg.forms.no },
];
const HOME_PARTS = ['house', 'garden', 'terrace', 'garage'] as const;
const DOCUMENTS = ['lease', 'toelichting', 'rio', 'huisdierenbeleid'] as const;

export function candidacyForm(partners: readonly { id: string; name: string }[]): FormSpec {
  const partnerOptions = [{ value: '', label: '' }, ...partners.map((p) => ({ value: p.id, label: p.name }))];
  return {
    id: 'candidacy',
    title: msg.forms.candidacy.title,
    path: 'dossiers',
    fields: [
      req({ name: 'kind', label: label('kind'), type: 'select', options: Object.entries(msg.forms.kindOptions).map(([value, text]) => ({ value, label: text })), initial: 'VT' }),
      req({ name: 'tenant.name', label: label('tenant.name'), type: 'text' }),
      { name: 'tenant.address', label: label('tenant.address'), type: 'text' },
      req({ name: 'registeringPartnerId', label: label('registeringPartnerId'), type: 'select', options: partnerOptions }),
      req({ name: 'supportingPartnerId', label: label('supportingPartnerId'), type: 'select', options: partnerOptions }),
      req({ name: 'supportWorker.name', label: label('supportWorker.name'), type: 'text' }),
      { name: 'supportWorker.email', label: label('supportWorker.email'), type: 'text' },
      // R3: the versions of the documents that define the tenant's obligations.
      ...DOCUMENTS.map((key): FieldSpec => ({ name: `documents.${key}`, label: label(`documents.${key}`), type: 'text' })),
    ],
    body: (v, requestKey) => ({
      candidacyId: requestKey,
      kind: str(v, 'kind'),
      tenant: { name: str(v, 'tenant.name'), ...optional(v, 'tenant.address', 'address') },
      registeringPartnerId: str(v, 'registeringPartnerId'),
      supportingPartnerId: str(v, 'supportingPartnerId'),
      supportWorker: { name: str(v, 'supportWorker.name'), ...optional(v, 'supportWorker.email', 'email') },
      ...(DOCUMENTS.some((key) => str(v, `documents.${key}`)) ? { documents: Object.assign({}, ...DOCUMENTS.map((key) => optional(v, `documents.${key}`, key))) } : {}),
    }),
  };
}

export function absenceForm(dossierIds: readonly string[]): FormSpec {
  return {
    id: 'absence',
    title: msg.forms.absence.title,
    path: 'absences',
    fields: [
      req({ name: 'workerName', label: label('workerName'), type: 'text' }),
      req({ name: 'from', label: label('from'), type: 'date' }),
      { name: 'expectedUntil', label: label('expectedUntil'), type: 'date' },
      req({ name: 'replacementContact', label: label('replacementContact'), type: 'textarea' }),
    ],
    body: (v, requestKey) => ({
      absenceId: requestKey,
      workerName: str(v, 'workerName'),
      from: str(v, 'from'),
      ...optional(v, 'expectedUntil'),
      replacementContact: str(v, 'replacementContact'),
      ...(dossierIds.length > 0 ? { dossierIds: [...dossierIds] } : {}),
    }),
  };
}

/** The form of one step on a dossier. */
export function dossierForm(id: FormId, page: DossierPage): FormSpec {
  const base = `dossiers/${encodeURIComponent(page.dossier.id)}`;
  switch (id) {
    case 'signatures':
      return {
        id,
        title: msg.forms.signatures.title,
        path: `${base}/signatures`,
        fields: (['supportWorker', 'tenant', 'landlord'] as const)
          .filter((who) => !page.dossier.signatures[who])
          .map((who) => ({ name: `signatures.${who}`, label: label(`signatures.${who}`), type: 'date' as const })),
        body: (v) => ({ signatures: Object.fromEntries(['supportWorker', 'tenant', 'landlord'].filter((w) => str(v, `signatures.${w}`)).map((w) => [w, str(v, `signatures.${w}`)])) }),
      };
    case 'consent':
      return {
        id,
        title: msg.forms.consent.title,
        path: `${base}/consent`,
        fields: [
          req({ name: 'givenOn', label: label('givenOn'), type: 'date' }),
          req({ name: 'scope', label: label('scope'), type: 'textarea' }),
        ],
        body: (v) => ({ givenOn: str(v, 'givenOn'), scope: str(v, 'scope') }),
      };
    case 'withdraw-consent':
      return {
        id,
        title: msg.forms.withdrawConsent.title,
        path: `${base}/consent/withdrawal`,
        fields: [{ name: 'withdrawnOn', label: label('withdrawnOn'), type: 'date' }],
        body: (v) => ({ ...optional(v, 'withdrawnOn') }),
      };
    case 'activate':
      return {
        id,
        title: msg.forms.activate.title,
        path: `${base}/activation`,
        fields: [req({ name: 'leaseStart', label: label('leaseStart'), type: 'date' })],
        body: (v) => ({ leaseStart: str(v, 'leaseStart') }),
      };
    case 'visit':
      return {
        id,
        title: msg.forms.visit.title,
        path: `${base}/visits`,
        fields: [
          { name: 'kind', label: label('visitKind'), type: 'select', options: Object.entries(msg.forms.visitKindOptions).map(([value, text]) => ({ value, label: text })), initial: 'home-visit-3m' },
          ...(page.plannedVisits.length > 0
            ? [{ name: 'visitId', label: label('visitId'), type: 'select' as const, options: [{ value: '', label: '' }, ...page.plannedVisits.map((p) => ({ value: p.id, label: `${msg.forms.visitKindOptions[p.kind] ?? p.kind}${p.plannedOn ? ` (${msg.formatDate(p.plannedOn)})` : ''}` }))] }]
            : []),
          { name: 'plannedOn', label: label('plannedOn'), type: 'date' },
          { name: 'heldOn', label: label('heldOn'), type: 'date' },
          { name: 'supportWorkerPresent', label: label('supportWorkerPresent'), type: 'select', options: yesNo },
          ...HOME_PARTS.flatMap((part) => [
            {
              name: `findings.${part}`,
              label: F.findingOf(msg.forms.homePart[part] ?? part),
              type: 'select' as const,
              options: [
                { value: '', label: msg.forms.notVisited },
                { value: 'ok', label: msg.forms.ok },
                { value: 'not-ok', label: msg.forms.notOk },
              ],
            },
            { name: `findings.${part}.note`, label: F.findingNote(msg.forms.homePart[part] ?? part), type: 'text' as const },
          ]),
          { name: 'seriousDefects', label: label('seriousDefects'), type: 'checkbox' },
        ],
        body: (v) => {
          const findings = HOME_PARTS.filter((p) => str(v, `findings.${p}`)).map((part) => ({
            part,
            ok: str(v, `findings.${part}`) === 'ok',
            ...(str(v, `findings.${part}.note`) ? { note: str(v, `findings.${part}.note`) } : {}),
          }));
          const present = str(v, 'supportWorkerPresent');
          return {
            kind: str(v, 'kind'),
            ...optional(v, 'visitId'),
            ...optional(v, 'plannedOn'),
            ...optional(v, 'heldOn'),
            ...(present ? { supportWorkerPresent: present === 'yes' } : {}),
            ...(findings.length > 0 ? { findings } : {}),
            ...(v.seriousDefects === true ? { seriousDefects: true } : {}),
          };
        },
      };
    case 'extend':
      return {
        id,
        title: msg.forms.extend.title,
        path: `${base}/extensions`,
        fields: [
          { name: 'months', label: label('months'), type: 'select', options: ['3', '6', '9', '12'].map((m) => ({ value: m, label: m })), initial: '3' },
          { name: 'decidedOn', label: label('decidedOn'), type: 'date' },
        ],
        body: (v) => ({ months: Number(str(v, 'months')), ...optional(v, 'decidedOn') }),
      };
    case 'close':
      return { id, title: msg.forms.close.title, path: `${base}/closure`, fields: [{ name: 'date', label: label('date'), type: 'date' }], body: (v) => ({ ...optional(v, 'date') }) };
    case 'stop':
      return {
        id,
        title: msg.forms.stop.title,
        path: `${base}/stop`,
        fields: [
          req({ name: 'reason', label: label('reason'), type: 'textarea' }),
          { name: 'date', label: label('date'), type: 'date' },
        ],
        body: (v) => ({ reason: str(v, 'reason'), ...optional(v, 'date') }),
      };
    case 'transfer':
      return {
        id,
        title: msg.forms.transfer.title,
        path: `${base}/transfer`,
        fields: [
          req({
            name: 'toPartnerId',
            label: label('toPartnerId'),
            type: 'select',
            options: [{ value: '', label: '' }, ...page.partners.filter((p) => p.id !== page.dossier.supportingPartner.id).map((p) => ({ value: p.id, label: p.name }))],
          }),
          req({ name: 'reason', label: label('reason'), type: 'textarea' }),
        ],
        body: (v) => ({ toPartnerId: str(v, 'toPartnerId'), reason: str(v, 'reason') }),
      };
    case 'transfer-cancel':
      return { id, title: msg.forms.transferCancel.title, path: `${base}/transfer/cancellation`, fields: [], body: () => ({}) };
    case 'information-request':
      return { id, title: msg.forms.informationRequest.title, path: `${base}/information-requests`, fields: [req({ name: 'question', label: label('question'), type: 'textarea' })], body: (v) => ({ question: str(v, 'question') }) };
    case 'information-answer': {
      const first = page.openRequests[0]?.id ?? '';
      return {
        id,
        title: msg.forms.informationAnswer.title,
        path: `${base}/information-requests/{requestId}/answer`,
        fields: [
          req({ name: 'requestId', label: label('requestId'), type: 'select', options: page.openRequests.map((r) => ({ value: r.id, label: r.question })), initial: first }),
          req({ name: 'answer', label: label('answer'), type: 'textarea' }),
        ],
        body: (v) => ({ answer: str(v, 'answer') }),
      };
    }
    case 'contact':
      return {
        id,
        title: msg.forms.contact.title,
        path: `${base}/contacts`,
        fields: [
          req({ name: 'date', label: label('date'), type: 'date' }),
          req({ name: 'held', label: label('held'), type: 'select', options: yesNo.slice(1), initial: 'yes' }),
          // R4: the reason only when the contact did not take place.
          req({ name: 'reasonMissed', label: label('reasonMissed'), type: 'textarea', showWhen: { field: 'held', value: 'no' } }),
        ],
        body: (v) => ({ date: str(v, 'date'), held: str(v, 'held') === 'yes', ...(str(v, 'held') === 'no' ? optional(v, 'reasonMissed') : {}) }),
      };
    case 'absence':
      return absenceForm([page.dossier.id]);
  }
}

/** The coordinator's form of a partner organisation: new (with its key) or a change (all fields). */
export function partnerForm(existing?: PartnerItem): FormSpec {
  const a = msg.admin;
  return {
    id: 'partner',
    title: existing ? `${a.partnerTitle}: ${existing.name}` : a.newPartner,
    path: existing ? `partners/${encodeURIComponent(existing.id)}` : 'partners',
    fields: [
      ...(existing ? [] : [req({ name: 'id', label: label('id'), type: 'text' as const })]),
      req({ name: 'name', label: label('name'), type: 'text', initial: existing?.name ?? '' }),
      req({ name: 'contact.phone', label: label('contact.phone'), type: 'text', initial: existing?.contact.phone ?? '' }),
      req({ name: 'contact.email', label: label('contact.email'), type: 'text', initial: existing?.contact.email ?? '' }),
      req({ name: 'contact.officeHours', label: label('contact.officeHours'), type: 'text', initial: existing?.contact.officeHours ?? '' }),
      { name: 'm365TenantId', label: label('m365TenantId'), type: 'text', initial: existing?.m365TenantId ?? '' },
      {
        name: 'meetingMode',
        label: label('meetingMode'),
        type: 'select',
        options: Object.entries(a.meetingModeOptions).map(([value, text]) => ({ value, label: text })),
        initial: existing?.meetingMode ?? 'teams',
      },
    ],
    body: (v) => ({
      ...(existing ? {} : { id: str(v, 'id') }),
      name: str(v, 'name'),
      contact: { phone: str(v, 'contact.phone'), email: str(v, 'contact.email'), officeHours: str(v, 'contact.officeHours') },
      ...optional(v, 'm365TenantId'),
      meetingMode: str(v, 'meetingMode'),
    }),
  };
}

/** The coordinator's form of a user: new (with the Entra ids) or a change of name, e-mail, role, organisation. */
export function userForm(org: Pick<Organisation, 'partners' | 'roles'>, existing?: UserItem): FormSpec {
  const a = msg.admin;
  const partnerOptions = [{ value: '', label: '' }, ...org.partners.map((p) => ({ value: p.id, label: p.name }))];
  return {
    id: 'user',
    title: existing ? `${a.userTitle}: ${existing.displayName}` : a.newUser,
    path: existing ? `users/${encodeURIComponent(existing.tenantId)}/${encodeURIComponent(existing.objectId)}` : 'users',
    fields: [
      ...(existing
        ? []
        : [
            req({ name: 'tenantId', label: label('tenantId'), type: 'text' as const }),
            req({ name: 'objectId', label: label('objectId'), type: 'text' as const }),
          ]),
      req({ name: 'displayName', label: label('displayName'), type: 'text', initial: existing?.displayName ?? '' }),
      { name: 'email', label: label('email'), type: 'text', initial: existing?.email ?? '' },
      { name: 'role', label: label('role'), type: 'select', options: org.roles.map((r) => ({ value: r.id, label: r.label })), initial: existing?.role ?? 'partner-member' },
      { name: 'partnerId', label: label('partnerId'), type: 'select', options: partnerOptions, initial: existing?.partnerId ?? '' },
    ],
    body: (v) => ({
      ...(existing ? {} : { tenantId: str(v, 'tenantId'), objectId: str(v, 'objectId') }),
      displayName: str(v, 'displayName'),
      role: str(v, 'role'),
      ...optional(v, 'email'),
      ...(str(v, 'role') === 'partner-member' ? optional(v, 'partnerId') : {}),
    }),
  };
}

/** The path with its placeholders filled from the values (e.g. {requestId}). */
export const resolvePath = (path: string, values: Values): string => path.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => encodeURIComponent(String(values[name] ?? '')));

/** Which field shows a refusal: the first field the server named (or one inside it); otherwise the form. */
export function errorPlacement(form: FormSpec, fields: readonly string[]): string | undefined {
  for (const named of fields) {
    const hit = form.fields.find((f) => f.name === named || f.name.startsWith(`${named}.`) || named.startsWith(`${f.name}.`));
    if (hit) return hit.name;
  }
  return undefined;
}

/** Whether a field is shown with these values (a `showWhen` field only while its condition holds). */
export const isShown = (field: FieldSpec, values: Values): boolean => !field.showWhen || values[field.showWhen.field] === field.showWhen.value;

/** Every shown required field left empty, each with its Dutch message: all at once, before sending. */
export function missingRequired(form: FormSpec, values: Values): { field: string; message: string }[] {
  return form.fields
    .filter((f) => f.required && isShown(f, values) && (typeof values[f.name] === 'string' ? (values[f.name] as string).trim() === '' : values[f.name] === undefined))
    .map((f) => ({ field: f.name, message: msg.forms.required(L[f.name] ?? f.name) }));
}

export function initialValues(form: FormSpec): Values {
  return Object.fromEntries(form.fields.map((f) => [f.name, f.initial ?? (f.type === 'checkbox' ? false : '')]));
}
