// Exit statuses of `webcontainer-compat check`. Scripts and CI jobs branch on these numbers.

/** No finding of severity error, and every input was read. */
export const EXIT_CLEAN = 0;

/** At least one finding of severity error. */
export const EXIT_ERRORS_FOUND = 1;

/**
 * Invalid usage, or an input that could not be read. It wins over EXIT_ERRORS_FOUND, because a run
 * that skipped a file cannot claim to have checked everything.
 */
export const EXIT_USAGE_OR_INPUT = 2;
