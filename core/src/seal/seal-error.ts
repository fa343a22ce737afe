/**
 * Every reason Coach Guard refuses a key or a sealed case, as a stable code a host can switch on.
 * The message is one plain sentence a coach can act on; the code is for programs.
 */
export const SEAL_ERROR_CODES = [
  // Opening a sealed case or reply.
  'not-a-sealed-case',
  'truncated',
  'tampered',
  'wrong-recipient-key',
  'unsigned',
  'unknown-signer',
  'bad-signature',
  'signer-mismatch',
  'unsupported-version',
  'too-large',
  'malformed-case',
  // Keys.
  'wrong-passphrase',
  'not-a-key',
  'not-a-private-key',
  'key-locked',
  'key-expired',
  'key-revoked',
  'key-cannot-encrypt',
  'key-cannot-sign',
  'key-not-found',
  'ambiguous-key',
  // Caller mistakes: a draft or options object that cannot be sealed as given.
  'invalid-input',
] as const;

export type SealErrorCode = (typeof SEAL_ERROR_CODES)[number];

/**
 * A refusal from the seal module. Nothing is half-returned: when this is thrown, no case content
 * has been handed to the caller.
 *
 * @example
 * ```ts
 * try {
 *   await openCase(bytes, { recipientKey, trustedSigners });
 * } catch (error) {
 *   if (error instanceof SealError && error.code === 'unknown-signer') askToTrust();
 *   else throw error;
 * }
 * ```
 */
export class SealError extends Error {
  override name = 'SealError';
  constructor(
    readonly code: SealErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a SealError, optionally with the given code. */
export function isSealError(error: unknown, code?: SealErrorCode): error is SealError {
  return error instanceof SealError && (code === undefined || error.code === code);
}

/**
 * Options objects fail loudly: an unknown key is almost always a typo (`maxsize`), and silently
 * ignoring it would drop a limit the caller thinks is in force.
 */
export function rejectUnknownOptions(where: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new SealError('invalid-input', `${where}: unknown option "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}
