/**
 * A refusal the user should hear about, in their language: `code` is an i18n key under "error.", `params` fill it.
 * The engine turns it into a reply; anything else thrown is a bug and gets a generic apology plus a log line.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
