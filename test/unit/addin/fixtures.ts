/** API answers as the pane receives them, for the pane's logic tests (no server, no globals). */
import type { ConsultationView, DossierItem, Me } from '../../../shared/api/schemas';

export const me = (overrides: Partial<Me> = {}): Me => ({
  user: { displayName: 'Megan Bowen', role: 'partner-member', roleLabel: 'medewerker van een begeleidende organisatie' },
  partner: { id: 'de-vaart', name: 'Begeleidingsdienst De Vaart' },
  nextConsultation: { month: '2025-11', meetingDate: '2025-11-27' },
  problemMaxLength: 500,
  ...overrides,
});

/** November 2025: meeting Thu 27/11, flags until Wed 26/11 inclusive (R12, R15). */
export const consultation = (overrides: Partial<ConsultationView> = {}): ConsultationView => ({
  partnerId: 'de-vaart',
  partnerName: 'Begeleidingsdienst De Vaart',
  month: '2025-11',
  meetingDate: '2025-11-27',
  invitationDate: '2025-11-20',
  flagDeadline: '2025-11-27T00:00:00+01:00',
  lastFlagDay: '2025-11-26',
  mode: 'teams',
  listClosed: false,
  takesPlace: false,
  cancelled: false,
  phase: 'upcoming',
  toDiscuss: [],
  ...overrides,
});

export const dossier = (id: string, number: string, tenantName = `Huurder ${number}`): DossierItem => ({
  id,
  number,
  kind: 'VT',
  kindLabel: 'versnelde toewijzing',
  status: 'active',
  statusLabel: 'lopend',
  tenantName,
  transferOpen: false,
});

export const flagReason = (problem: string, flaggedByLandlord = false) => ({
  type: 'flag' as const,
  label: 'Geagendeerd',
  problem,
  flaggedByLandlord,
  flaggedAt: '2025-11-10T10:00:00+01:00',
});
