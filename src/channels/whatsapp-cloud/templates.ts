// The templates Nuru sends to people who have not written for 24 hours (Meta takes nothing else then). The operator
// submits these texts in WhatsApp Manager (category Utility) under the names configured here; README lists them.
// Their {{n}} are filled from TemplateCall.params; the invitation's quick-reply buttons carry the same values as
// the invitation's own buttons, so a tap is an answer whichever of the two the person got.
import type { Choice, TemplateCall, TemplateKind } from "../channel.js";

export interface TemplateSettings {
  /** the approved template's name for each kind */
  names: Record<TemplateKind, string>;
  /** Meta's language code for each Nuru language (as submitted: "en" or "en_US", "sw") */
  languages: Record<string, string>;
}

export const defaultTemplateSettings: TemplateSettings = {
  names: {
    invitation: "nuru_invitation",
    reminder: "nuru_reminder",
    announcement: "nuru_announcement",
    waiting: "nuru_waiting",
  },
  languages: { en: "en", sw: "sw" },
};

/** The texts to submit, per kind and language; buttons are quick replies, in the order Nuru fills them. */
export const templateTexts: Record<TemplateKind, Record<"en" | "sw", { body: string; buttons?: string[] }>> = {
  invitation: {
    en: {
      body: "Hello! {{1}} invites you to {{2}}.\n🗓 {{3}}\n📍 {{4}}\n\nWill you come? Tap your answer below.",
      buttons: ["Yes, I will come", "No, I cannot come", "Maybe"],
    },
    sw: {
      body: "Habari! {{1}} anakualika kwenye {{2}}.\n🗓 {{3}}\n📍 {{4}}\n\nUtakuja? Gusa jibu lako hapa chini.",
      buttons: ["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"],
    },
  },
  reminder: {
    en: { body: "Reminder from Nuru: {{1}}\n\nReply to this message for the details." },
    sw: { body: "Kumbusho kutoka Nuru: {{1}}\n\nJibu ujumbe huu kupata maelezo." },
  },
  announcement: {
    en: { body: "News about {{1}}: {{2}}\n\nReply to this message to see the event." },
    sw: { body: "Habari kuhusu {{1}}: {{2}}\n\nJibu ujumbe huu kuona tukio." },
  },
  waiting: {
    en: { body: "Hello {{1}}! Nuru has new messages for you about your events. Reply to this message to read them." },
    sw: { body: "Habari {{1}}! Nuru ina ujumbe mpya kwako kuhusu matukio yako. Jibu ujumbe huu kuusoma." },
  },
};

/**
 * Meta refuses template parameters with line breaks, tabs or more than four spaces in a row, and a body over 1,024
 * characters: lines are folded with " · " and long values cut.
 */
export function templateParam(value: string, max: number): string {
  const folded = value
    .split(/\s*\n\s*/)
    .filter(Boolean)
    .join(" · ")
    .replace(/[\t ]+/g, " ")
    .trim();
  const text = folded || "-";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The Graph API message for a template call, with the choices' values behind its quick-reply buttons. */
export function templateMessage(
  call: TemplateCall,
  choices: readonly Choice[] | undefined,
  settings: TemplateSettings,
): Record<string, unknown> {
  const texts = templateTexts[call.kind];
  const language = settings.languages[call.locale] ?? settings.languages.en ?? "en";
  // What the fixed text leaves of Meta's 1,024, shared between the parameters.
  const room = Math.max(60, Math.floor((1000 - texts.en.body.length) / Math.max(1, call.params.length)));
  const components: Record<string, unknown>[] = [
    { type: "body", parameters: call.params.map((p) => ({ type: "text", text: templateParam(p, room) })) },
  ];
  const buttons = texts.en.buttons?.length ?? 0;
  (choices ?? []).slice(0, buttons).forEach((choice, index) =>
    components.push({
      type: "button",
      sub_type: "quick_reply",
      index: String(index),
      parameters: [{ type: "payload", payload: choice.value }],
    }),
  );
  return { type: "template", template: { name: settings.names[call.kind], language: { code: language }, components } };
}
