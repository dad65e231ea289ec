// A promise that gives up: for a service or a browser that may never answer (a stopped Redis queues commands until it
// returns; a frozen WhatsApp Web page never settles a call). The work itself is not cancelled.

/** Rejects with "<what> did not answer within <ms> ms" unless the work settles first. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
