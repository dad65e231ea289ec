// WhatsApp increasingly reports senders as <digits>@lid, an id that hides the phone number. The engine keys people
// by phone, so an @lid sender is looked up (getContactLidAndPhone) and the answer cached: the lookup runs inside the
// browser and the mapping of a person does not change.
import type { Logger } from "../../logger.js";
import type { Sender } from "../channel.js";
import type { WhatsAppClientLike } from "./client.js";
import { isLidJid, phoneOfJid, toPhoneJid } from "./ids.js";

/** Enough for every active guest of many events; the oldest entries go first beyond it. */
const MAX_ENTRIES = 20_000;

export class LidDirectory {
  /** lid jid -> phone jid; only lookups that found a phone are kept, so a hidden one is asked again next time. */
  private readonly phoneOfLid = new Map<string, string>();
  /** Lookups in flight, so a burst of messages from one person costs one lookup. */
  private readonly pending = new Map<string, Promise<string | undefined>>();

  constructor(private readonly logger: Logger) {}

  /** The Sender for a jid: phone from the jid itself (@c.us) or from the lookup (@lid), other id as alias. */
  async senderOf(client: WhatsAppClientLike, jid: string, name?: string): Promise<Sender> {
    const sender: Sender = { externalId: jid };
    if (name) sender.name = name;
    const phone = phoneOfJid(jid);
    if (phone) {
      sender.phone = phone;
      return sender;
    }
    if (!isLidJid(jid)) return sender;
    const phoneJid = await this.phoneJidOfLid(client, jid);
    if (phoneJid) {
      sender.phone = phoneOfJid(phoneJid);
      sender.aliases = [phoneJid];
    }
    return sender;
  }

  private async phoneJidOfLid(client: WhatsAppClientLike, lid: string): Promise<string | undefined> {
    const known = this.phoneOfLid.get(lid);
    if (known) return known;
    let lookup = this.pending.get(lid);
    if (!lookup) {
      lookup = this.lookUp(client, lid).finally(() => this.pending.delete(lid));
      this.pending.set(lid, lookup);
    }
    return lookup;
  }

  private async lookUp(client: WhatsAppClientLike, lid: string): Promise<string | undefined> {
    try {
      const [entry] = await client.getContactLidAndPhone([lid]);
      const phoneJid = entry?.pn ? toPhoneJid(entry.pn) : undefined;
      if (!phoneJid) {
        // WhatsApp shares the number only with accounts that already know it; the engine then asks the person.
        this.logger.debug({ lid }, "whatsapp: no phone number known for @lid sender");
        return undefined;
      }
      this.remember(lid, phoneJid);
      return phoneJid;
    } catch (err) {
      // A failed lookup must not lose the message: deliver it without a phone and try again on the next one.
      this.logger.warn({ err, lid }, "whatsapp: looking up the phone of an @lid sender failed");
      return undefined;
    }
  }

  private remember(lid: string, phoneJid: string): void {
    if (this.phoneOfLid.size >= MAX_ENTRIES) {
      const oldest = this.phoneOfLid.keys().next().value;
      if (oldest !== undefined) this.phoneOfLid.delete(oldest);
    }
    this.phoneOfLid.set(lid, phoneJid);
  }
}
