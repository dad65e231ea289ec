// Field types several areas of the configuration share: each says in its message what a good value looks like.
import { z } from "zod";

export const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(" or ")} URL`,
  );

export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Africa/Dar_es_Salaam");

export const templateName = z
  .string()
  .regex(/^[a-z0-9_]{1,512}$/, "must be a template name as WhatsApp Manager shows it (a-z, 0-9, _)");
