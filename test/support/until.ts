// Waiting on a condition with a deadline, for state that lives outside the process (rows, queues).

/** Polls probe until it returns something truthy; fails with `what` after the deadline. */
export async function until<T>(what: string, probe: () => Promise<T> | T, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls probe until it returns a defined value (false and 0 count); fails with `what` after the deadline. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  return (
    await until(
      what,
      async () => {
        const value = await probe();
        return value === undefined ? undefined : { value };
      },
      timeoutMs,
    )
  ).value;
}
