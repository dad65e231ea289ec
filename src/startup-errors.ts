// Start-up failures a person can fix, turned into one line that names the problem and the fix.

export class StartupError extends Error {
  override name = "StartupError";
}

/** Where a URL points, without its password. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable URL)";
  }
}

const variables = { PostgreSQL: "DATABASE_URL", Redis: "REDIS_URL" } as const;

/** Throws a StartupError for a service that could not be reached, naming the variable that points at it. */
export function describeStartupFailure(service: keyof typeof variables, url: string, err: unknown): never {
  const code = (err as { code?: string } | undefined)?.code;
  const variable = variables[service];
  const where = redactUrl(url);
  // Driver messages can span lines (and carry stacks); the start-up error stays one line.
  const message = String((err as Error)?.message ?? err)
    .split("\n")[0]!
    .trim();
  const hint =
    code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "ENOTFOUND" || code === "EHOSTUNREACH"
      ? `does not answer (${code}). Start ${service}, or set ${variable}.`
      : code === "28P01" || code === "28000"
        ? `refused the login (${code}). Check the user and password in ${variable}.`
        : `failed: ${message}. Check ${variable}.`;
  throw new StartupError(`${service} at ${where} ${hint}`);
}
