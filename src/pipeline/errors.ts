// Errors the user can fix (bad flags, missing files, bad config): exit code 2 with a one-line
// message and no stack trace.
export class UsageError extends Error {
  override name = 'UsageError';
}
