// One process per WhatsApp session folder. Two Nuru processes on one LocalAuth folder (a second replica, a forgotten
// `npm start`) would each take the session from the other (CONFLICT) for ever, and share a Chromium profile. The
// first to start writes a lock file with its host and pid; a later one finds it held by a live process and stops.
// A lock left by a process that died (its pid is gone on this host) is taken over.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export class SessionLock {
  private held = false;
  private readonly file: string;

  constructor(sessionDir: string) {
    this.file = path.join(sessionDir, "nuru.lock");
  }

  /** Takes the lock; returns why it cannot (who holds it) or undefined once it is ours. */
  async acquire(): Promise<string | undefined> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const mine = `${os.hostname()} ${process.pid}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(this.file, mine, { flag: "wx" });
        this.held = true;
        return undefined;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const [host, pid] = (await readFile(this.file, "utf8").catch(() => "")).trim().split(" ");
      if (host === os.hostname() && pid && !alive(Number(pid))) {
        await rm(this.file, { force: true }); // left by a process that died: take it over
        continue;
      }
      return `the WhatsApp session folder ${path.dirname(this.file)} is in use by process ${pid ?? "?"} on ${host || "another host"} (remove ${this.file} if that process is gone)`;
    }
    return `could not take the lock ${this.file}`;
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await rm(this.file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
