import type { MessageKey, Params, ParamArgs, ParamsOf } from "./i18n/index.js";

/**
 * A refusal the user should hear about, in their language: `code` is the message's key, `params` its placeholders,
 * both checked by the type checker like every message. The engine turns it into a reply; anything else thrown is a
 * bug and gets a generic apology plus a log line.
 */
export class AppError<K extends MessageKey = MessageKey, P extends ParamsOf<K> = ParamsOf<K>> extends Error {
  override name = "AppError";
  readonly params: Params;
  constructor(
    readonly code: K,
    ...[params]: ParamArgs<K, P>
  ) {
    super(code);
    this.params = (params ?? {}) as Params;
  }
}
