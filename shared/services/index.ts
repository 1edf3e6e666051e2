/** The use cases, one per file, each `(ctx, input) => Promise<result>`; adapters import from here. */
export * from './context';
export * from './notifier';
export { AUDIT_ACTIONS, type AuditAction } from './audit';
export type { DossierChange } from './dossier-access';

export * from './resolve-user';

export * from './create-candidacy';
export * from './record-signature';
export * from './record-consent';
export * from './withdraw-consent';
export * from './activate-trajectory';
export * from './extend-trajectory';
export * from './close-trajectory';
export * from './stop-trajectory';
export * from './request-transfer';
export * from './accept-transfer';
export * from './reject-transfer';
export * from './cancel-transfer';
export * from './report-absence';

export * from './flag-dossier';
export * from './withdraw-flag';
export * from './raise-signal';
export * from './request-information';
export * from './answer-information';
export * from './log-contact';
export * from './record-visit';
export * from './record-conclusions';
export * from './confirm-conclusions';

export * from './list-my-dossiers';
export * from './get-dossier';
export * from './get-agenda';

export * from './list-transfer-requests';
export type { UserAdminContext } from './organisation-input';
export * from './create-partner';
export * from './update-partner';
export * from './create-user';
export * from './update-user';
export * from './remove-user';
export * from './list-organisation';
