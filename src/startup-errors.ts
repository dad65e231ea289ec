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

/** Throws a StartupError for a service that could not be reached. */
export function describeStartupFailure(service: "PostgreSQL", url: string, err: unknown): never {
  const code = (err as { code?: string }).code;
  const where = redactUrl(url);
  const hint =
    code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "ENOTFOUND"
      ? `does not answer (${code}). Start PostgreSQL, or set DATABASE_URL.`
      : code === "28P01" || code === "28000"
        ? `refused the login (${code}). Check the user and password in DATABASE_URL.`
        : `failed: ${(err as Error).message}. Check DATABASE_URL.`;
  throw new StartupError(`${service} at ${where} ${hint}`);
}
