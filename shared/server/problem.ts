/**
 * Errors as RFC 9457 problem details with a Dutch message: the one place where a DomainError
 * becomes an HTTP status.
 */
import { serverMessages as msg } from '../messages/server';
import { isDomainError, type ErrorCode } from '../rules/errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extra: string]: unknown;
}

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'deadline-passed': 422,
  unavailable: 503,
};

export function problem(status: number, code: keyof typeof msg.titles, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:woonbegeleiding:problem:${code}`, title: msg.titles[code], status, detail, code, ...extra };
}

/** Maps any thrown value to a problem; unknown errors become a 500 without internals. */
export function problemFromError(error: unknown): Problem {
  if (isDomainError(error)) return problem(statusOf[error.code], error.code, error.message, error.details);
  return problem(500, 'internal', msg.unexpected);
}
