/**
 * Types for the rows of raw statements ($queryRaw, $queryRawUnsafe), taken from one place: src/generated/tables.ts,
 * which `npm run generate` writes from prisma/schema.prisma (src/db/generate-tables.ts). A statement names the
 * columns it selects by table, so renaming or retyping a column in the schema fails `tsc` at every statement that
 * reads it, instead of a hand-written `{ time_zone: string }` going silently stale.
 *
 * How to type a raw statement:
 * - Plain columns: `db.$queryRaw<Row<"events", "id" | "time_zone">[]>\`SELECT id, time_zone FROM events ...\``.
 * - Columns of several tables: intersect, `Row<"events", "id"> & Row<"users", "locale">`.
 * - A column under another name (`SELECT e.id AS event_id`): `As<"events", "id", "event_id">`.
 * - The nullable side of a LEFT JOIN: `Nullable<Row<"users", "locale">>`.
 * - A jsonb column in the shape the code wrote it: `Cast<"conversations", "state", StoredState>`.
 * - Computed values have no table: intersect an object whose types say what PostgreSQL returns through the adapter,
 *   `Row<"events", "id"> & { n: Count }`. count(*) and sum() over integers are bigint (`Count`), sum() and avg() over
 *   numeric are Prisma.Decimal, `EXISTS (...)` and comparisons are boolean, now() and max(timestamptz) are Date, and
 *   an aggregate over no rows is null. Where a computed row needs checking at run time, parse it with a zod schema
 *   declared next to the statement instead.
 * - Statements that return no rows ($executeRaw, and $queryRaw of an UPDATE without RETURNING) need no type.
 */
import type { Tables } from "../generated/tables.js";

export type { Tables };

/** A table's name in the database. */
export type Table = keyof Tables;

/** One column's type as $queryRaw returns it (`Column<"events", "start_time">` is `Date | null`). */
export type Column<T extends Table, C extends keyof Tables[T]> = Tables[T][C];

/** A row of some of a table's columns, under their own names. */
export type Row<T extends Table, C extends keyof Tables[T]> = Pick<Tables[T], C>;

/** One column selected under another name: `SELECT e.id AS event_id` is `As<"events", "id", "event_id">`. */
export type As<T extends Table, C extends keyof Tables[T], Name extends string> = { [K in Name]: Tables[T][C] };

/**
 * Columns whose names are checked against the schema but whose type the statement decides: a jsonb column whose
 * shape the code itself wrote, or a column cast in SQL (`id::text`).
 */
export type Cast<T extends Table, C extends keyof Tables[T], Type> = { [K in C]: Type };

/** Every column of a row may be null: the far side of a LEFT JOIN. */
export type Nullable<R> = { [K in keyof R]: R[K] | null };

/** count(*), and sum() over integer columns: PostgreSQL's bigint, which the adapter returns as a JS bigint. */
export type Count = bigint;
