import type { Message, ParamArgs, Params, ParamsOf } from "./i18n/index.js";
import { type RefusalCode, type RefusalKey, refusals } from "./refusals.js";

/**
 * A refusal the user should hear about, in their language: `code` names what happened (src/refusals.ts maps it to the
 * message that tells it), `params` are that message's placeholders, checked by the type checker like every message.
 * The engine turns it into a reply; anything else thrown is a bug and gets a generic apology plus a log line.
 */
export class AppError<
  C extends RefusalCode = RefusalCode,
  P extends ParamsOf<RefusalKey<C>> = ParamsOf<RefusalKey<C>>,
> extends Error {
  override name = "AppError";
  readonly params: Params;
  constructor(
    readonly code: C,
    ...[params]: ParamArgs<RefusalKey<C>, P>
  ) {
    super(code);
    this.params = (params ?? {}) as Params;
  }
}

/** The message a refusal is told with, to render in the reader's language (checked where it was thrown). */
export function refusalMessage(error: AppError): Message {
  return { key: refusals[error.code], params: error.params } as Message;
}
