/**
 * Fictional demo data for local use (`npm start`, `woonbegeleiding seed --demo`): the landlord of the
 * protocol, four invented partner organisations, about 30 dossiers in every stage of a trajectory,
 * and users for the Microsoft 365 Agents Playground's default accounts. Pure: the same `today` gives
 * the same data. No real person or organisation is meant.
 */
import { addDays, addMonths } from '../rules/dates';
import type { Dossier, IsoDate, LandlordConfig, Partner, Signatory, TrajectoryKind, TrajectoryStatus, User } from '../rules/types';

/** Tenant and users of the Agents Playground's default configuration (.m365agentsplayground.yml). */
export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
export const playgroundUser = (n: number) => `00000000-0000-0000-0000-00000000000${20 + n}`;

export interface DemoData {
  landlord: LandlordConfig;
  partners: Partner[];
  users: User[];
  dossiers: Dossier[];
}

const LANDLORD_ID = 'vivendo';

const partners: Partner[] = [
  ['de-vaart', 'Begeleidingsdienst De Vaart', '050 11 22 01', 'onthaal@devaart.example', 'ma-vr 9-12 u en 13-16 u', 'teams'],
  ['woonkracht', 'Woonkracht vzw', '050 11 22 02', 'info@woonkracht.example', 'ma-do 8.30-16.30 u, vr 8.30-12 u', 'teams'],
  ['de-linde', 'Zorgnetwerk De Linde', '050 11 22 03', 'secretariaat@delinde.example', 'ma-vr 9-17 u', 'in-person'],
  ['onderdak', 'Dienst Onderdak', '050 11 22 04', 'contact@onderdak.example', 'di-vr 9-16 u', 'teams'],
].map(([id, name, phone, email, officeHours, meetingMode]) => ({
  id: id as string,
  landlordId: LANDLORD_ID,
  name: name as string,
  contact: { phone: phone as string, email: email as string, officeHours: officeHours as string },
  m365TenantId: PLAYGROUND_TENANT,
  meetingMode: meetingMode as Partner['meetingMode'],
}));

const users: User[] = [
  { n: 0, name: 'Alex Wilber', email: 'alexw@example.com', role: 'landlord-coordinator' },
  { n: 1, name: 'Megan Bowen', email: 'meganb@example.com', role: 'partner-member', partnerId: 'de-vaart' },
  { n: 2, name: 'Adele Vance', email: 'adelev@example.com', role: 'partner-member', partnerId: 'woonkracht' },
  { n: 3, name: 'Isaiah Langer', email: 'isaiahl@example.com', role: 'landlord-staff' },
  { n: 4, name: 'Patti Fernandez', email: 'pattif@example.com', role: 'partner-member', partnerId: 'de-linde' },
].map(({ n, name, email, role, partnerId }) => ({
  landlordId: LANDLORD_ID,
  tenantId: PLAYGROUND_TENANT,
  objectId: playgroundUser(n),
  displayName: name,
  email,
  role: role as User['role'],
  ...(partnerId ? { partnerId } : {}),
}));

const firstNames = ['Aïsha', 'Bram', 'Chloë', 'Dries', 'Elif', 'Fien', 'Gilles', 'Hanne', 'Ilias', 'Jana', 'Kobe', 'Lotte', 'Mehdi', 'Nele', 'Omar', 'Pieter'];
const lastNames = ['Vermeulen', 'Claeys', 'Desmet', 'Yilmaz', 'Maes', 'Goethals', 'Verhaeghe', 'El Amrani', 'Dewulf', 'Vandenberghe', 'Lambrecht', 'Popescu'];
const streets = ['Kazernevest', 'Gistelse Steenweg', 'Sint-Pieterskaai', 'Brugse Heirweg', 'Vaartdijkstraat', 'Blankenbergse Steenweg'];
const workers = ['Sara De Clercq', 'Tom Vanneste', 'Ines Wouters', 'Joris Bultinck', 'Leen Pattyn', 'Yusuf Kaya'];

/** One stage of a trajectory, as of `today`, with how long ago the lease started. */
interface Stage {
  status: TrajectoryStatus;
  kind: TrajectoryKind;
  /** Months before today that the lease started; undefined for a candidacy. */
  leaseMonthsAgo?: number;
  signed: Signatory[];
  extensions?: number[];
  consent?: boolean;
  transfer?: 'requested' | 'accepted';
  contactLog?: boolean;
}

const all: Signatory[] = ['supportWorker', 'tenant', 'landlord'];
const stages: Stage[] = [
  { status: 'candidacy', kind: 'VT', signed: [] },
  { status: 'candidacy', kind: 'VT', signed: ['supportWorker'] },
  { status: 'candidacy', kind: 'VT', signed: ['supportWorker', 'tenant'], consent: true },
  { status: 'candidacy', kind: 'VT', signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 0, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 1, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 1, signed: all, consent: false },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 2, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 3, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 3, signed: all, consent: true, contactLog: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 4, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 5, signed: all, consent: true, transfer: 'requested' },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 6, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 7, signed: all, consent: true, transfer: 'accepted' },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 8, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 9, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 10, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 10, signed: all, consent: true, contactLog: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 11, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 12, signed: all, consent: true },
  { status: 'extended', kind: 'VT', leaseMonthsAgo: 13, signed: all, consent: true, extensions: [3] },
  { status: 'extended', kind: 'VT', leaseMonthsAgo: 16, signed: all, consent: true, extensions: [6] },
  { status: 'extended', kind: 'VT', leaseMonthsAgo: 17, signed: all, consent: true, extensions: [3, 3] },
  { status: 'closed-positive', kind: 'VT', leaseMonthsAgo: 13, signed: all, consent: true },
  { status: 'closed-positive', kind: 'VT', leaseMonthsAgo: 20, signed: all, consent: true, extensions: [6] },
  { status: 'stopped', kind: 'VT', leaseMonthsAgo: 6, signed: all, consent: true },
  { status: 'active', kind: 'other', leaseMonthsAgo: 2, signed: all, consent: true },
  { status: 'active', kind: 'other', leaseMonthsAgo: 7, signed: all, consent: true },
  { status: 'extended', kind: 'other', leaseMonthsAgo: 14, signed: all, consent: true, extensions: [3] },
  { status: 'candidacy', kind: 'other', signed: ['landlord'] },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 4, signed: all, consent: true },
  { status: 'active', kind: 'VT', leaseMonthsAgo: 1, signed: all, consent: true },
];

function dossierFor(stage: Stage, index: number, today: IsoDate): Dossier {
  const n = index + 1;
  const partner = partners[index % partners.length] as Partner;
  // Every third dossier was registered by another partner than the one supporting it.
  const registering = index % 3 === 2 ? (partners[(index + 1) % partners.length] as Partner) : partner;
  const leaseStart = stage.leaseMonthsAgo === undefined ? undefined : addMonths(today, -stage.leaseMonthsAgo);
  const created = leaseStart ? addDays(leaseStart, -21) : addDays(today, -(index % 20) - 3);
  const signedOn = addDays(created, 7);
  const year = created.slice(0, 4);
  const prefix = stage.kind === 'VT' ? 'VT' : 'AW';
  const number = `${prefix}-${year}-${String(n).padStart(3, '0')}`;

  let supporting = partner.id;
  const formerPartnerIds: string[] = [];
  const transfers: Dossier['transfers'] = [];
  const otherPartner = (partners[(index + 2) % partners.length] as Partner).id;
  if (stage.transfer) {
    const requestedOn = addDays(today, -10);
    transfers.push({
      fromPartnerId: partner.id,
      toPartnerId: otherPartner,
      requestedOn,
      requestedBy: playgroundUser(1),
      reason: 'Begeleiding kan niet langer opgenomen worden (capaciteit).',
      status: stage.transfer,
      ...(stage.transfer === 'accepted' ? { decidedOn: addDays(requestedOn, 3) } : {}),
    });
    if (stage.transfer === 'accepted') {
      supporting = otherPartner;
      formerPartnerIds.push(partner.id);
    }
  }

  const dossier: Dossier = {
    id: `d-${String(n).padStart(4, '0')}`,
    landlordId: LANDLORD_ID,
    number,
    kind: stage.kind,
    tenant: {
      name: `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]}`,
      address: `${streets[index % streets.length]} ${10 + index}, 8000 Brugge`,
    },
    registeringPartnerId: registering.id,
    supportingPartnerId: supporting,
    supportWorker: { name: workers[index % workers.length] as string },
    signatures: Object.fromEntries(stage.signed.map((s) => [s, signedOn])),
    extensions: (stage.extensions ?? []).map((months, i) => ({
      months,
      decidedOn: leaseStart ? addMonths(leaseStart, 12 + i * 3) : today,
    })),
    status: stage.status,
    formerPartnerIds,
    transfers,
    contactLogActive: stage.contactLog ?? false,
    documents: { lease: 'Huurovereenkomst 2024', toelichting: 'Toelichting 2024', rio: 'RIO 2023', huisdierenbeleid: 'Huisdierenbeleid 2022' },
    createdOn: created,
  };
  if (leaseStart) dossier.leaseStart = leaseStart;
  if (stage.consent) dossier.consent = { givenOn: signedOn, scope: 'Informatie-uitwisseling over het woontraject met de verhuurder' };
  if (stage.status === 'closed-positive' || stage.status === 'stopped') dossier.closedOn = addDays(today, -14);
  return dossier;
}

export function demoData(today: IsoDate): DemoData {
  return {
    landlord: {
      id: LANDLORD_ID,
      name: 'Vivendo',
      officeAddress: 'Handboogstraat 2, bus 0013, 8200 Sint-Pieters (Brugge)',
      mailbox: 'bewonerscontacten@vivendo.example',
      technicalEmergencyPhone: '050 00 00 99',
      closingDays: [],
      m365TenantId: PLAYGROUND_TENANT,
    },
    partners,
    users,
    dossiers: stages.map((stage, index) => dossierFor(stage, index, today)),
  };
}
