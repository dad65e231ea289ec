// Telling a database refusal caused by the data itself from a database that is down or busy. The two need opposite
// handling: a refusal of the data happens again on every retry, so the row must be set apart; an outage passes, so
// the work must wait and be tried again.

/** The SQLSTATE of a PostgreSQL error as Prisma's driver adapter reports it (meta.driverAdapterError.cause). */
export function sqlStateOf(error: unknown): string | undefined {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } })
    ?.meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code ?? (error as { code?: unknown })?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Prisma's own codes for a value the database cannot take (too long, constraint, null, out of range, bad uuid ...). */
const PRISMA_DATA_CODES = new Set([
  "P2000",
  "P2002",
  "P2003",
  "P2004",
  "P2005",
  "P2006",
  "P2007",
  "P2011",
  "P2012",
  "P2019",
  "P2020",
  "P2023",
]);

/**
 * The database refused this data and would refuse it again: SQLSTATE class 22 (data exception: invalid text, value
 * out of range, bad JSON), 23 (integrity constraint) or 54 (program limit, e.g. an index row too large), or Prisma's
 * equivalent validation codes.
 */
export function isDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state) return /^(22|23|54)/.test(state);
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && PRISMA_DATA_CODES.has(code);
}

/** One line naming the refusal, for logs and the quarantined row: "22P05 unsupported Unicode escape sequence". */
export function describeDbError(error: unknown): string {
  const cause = (
    error as {
      meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown; message?: unknown; detail?: unknown } } };
    }
  )?.meta?.driverAdapterError?.cause;
  const message =
    cause?.originalMessage ?? cause?.message ?? (error as { message?: unknown })?.message ?? String(error);
  const detail = typeof cause?.detail === "string" ? ` (${cause.detail})` : "";
  return `${sqlStateOf(error) ?? "error"} ${String(message).split("\n").filter(Boolean).at(-1) ?? ""}${detail}`.slice(
    0,
    300,
  );
}
