/** An error the CLI reports as a plain message with exit status 2 (never a stack trace). */
export class UsageError extends Error {}
