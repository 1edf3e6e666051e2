/**
 * Typed errors of the domain. Every refusal carries a code (which an adapter maps to an HTTP status
 * or a chat answer in one place) and a Dutch message from the catalogue that can be shown as is.
 */
export type ErrorCode = 'validation' | 'not-found' | 'forbidden' | 'conflict' | 'deadline-passed' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Dutch, for the user. */
    message: string,
    /** Extra machine-readable facts, e.g. the next consultation date. Never personal data. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
