/** A mistake in the command line: exit code 2 and one Dutch line, no stack trace. */
export class UsageError extends Error {}

/** Exit codes of the command. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
