// Kiswahili catalogue: the same keys as en.ts (enforced by the type below).
import type { MessageKey } from "./en.js";

export const sw: Record<MessageKey, string> = {
  "welcome.new": "Karibu Nuru, njia rahisi ya kuandaa na kuhudhuria sherehe kwa simu yako. Jina lako ni nani?",
  "welcome.back": "Karibu tena, {name}! Tuma /msaada kuona unachoweza kufanya.",
  "welcome.named": "Nimefurahi kukufahamu, {name}! Tuma /msaada kuona unachoweza kufanya.",
  "onboarding.name_invalid": "Tafadhali tuma jina lako (herufi 2 hadi 60), kwa mfano: Neema Mushi.",

  "help.header": "Haya ndiyo unayoweza kufanya na Nuru, {name}:",
  "help.general": "/msaada – orodha hii\n/lugha sw|en – badilisha lugha (English: /language en)\n/sitisha – acha unachofanya\n/start CODE – fungua mwaliko kwa namba yake",
  "help.guest": "Kama mgeni:\n/mialiko – mialiko yako na mahali na wakati wake",
  "help.organizer": "Kama mratibu:\n/matukio – matukio yako na namba zake",
  "help.provider": "Kama mtoa huduma:\n/oda – maombi ya huduma zako",
  "help.whatsapp_no_slash": "Kwenye WhatsApp unaweza kuacha alama /, mfano tuma: msaada",

  "unknown.input": "Samahani, sijaelewa \"{text}\". Tuma /msaada kuona unachoweza kufanya.",
  "unknown.media": "Asante! Siwezi kufanya chochote na hicho hapa kwa sasa. Tuma /msaada kuona unachoweza kufanya.",
  "inbound.too_long": "Ujumbe wako ni mrefu mno kwangu (herufi {length}; ninasoma hadi {max}). Tafadhali utume kwa sehemu fupi.",
  "inbound.unstorable": "Samahani, sikuweza kusoma ujumbe wako wa mwisho. Tafadhali utume tena kama maandishi ya kawaida.",
  "choice.expired": "Kitufe hicho ni cha swali la awali. Tuma /msaada kuanza upya.",

  "cancel.done": "Nimesitisha. Tuma /msaada wakati wowote ukinihitaji.",
  "cancel.nothing": "Hakuna cha kusitisha. Tuma /msaada kuona unachoweza kufanya.",

  "language.set": "Lugha imewekwa Kiswahili.",
  "language.ask": "Unataka lugha gani?",
  "language.invalid": "Ninajua Kiswahili (sw) na English (en). Tuma /lugha sw au /lugha en.",
  "language.choice.en": "English",
  "language.choice.sw": "Kiswahili",

  "conversation.expired": "Mazungumzo yetu ya awali yamepitwa na muda, tuanze upya.",
  "conversation.upgraded": "Nuru imesasishwa na nimepoteza tulichokuwa tukifanya, samahani. Tafadhali anza upya.",

  "link.invitation": "Umeunganishwa na mwaliko wako wa {event}. Tuma /mialiko kuuona.",
  "link.invalid_code": "Sikupata mwaliko wenye namba \"{code}\". Hakikisha namba kwenye mwaliko wako, au muombe mratibu akutumie tena.",
  "link.phone_saved": "Asante, namba yako {phone} imehifadhiwa.",
  "link.phone_invalid": "Hiyo haionekani kuwa namba ya simu ninayoweza kutumia: {phone}.",
  "link.contact_not_own": "Tafadhali tuma namba yako mwenyewe kwa kitufe, si ya mtu mwingine.",
  "link.phone_taken": "Namba hiyo tayari imeunganishwa na akaunti nyingine. Kama ni yako, muombe mratibu msaada.",
  "link.ask_phone": "Tuma namba yako ya simu ili nipate mialiko yako.",
  "link.ask_phone_button": "Tuma namba yangu ya simu",
  "link.ask_phone_for_invitation": "Ili kufungua mwaliko wako, tuma namba yako ya simu kwa kitufe kilicho hapa chini, nijue ulitumiwa wewe.",
  "link.already_claimed": "Mwaliko huu tayari umefunguliwa na mtu mwingine. Muombe mratibu akualike.",
  "link.other_number": "Mwaliko huu ulitumwa kwa namba nyingine ya simu. Muombe mratibu aalike namba yako {phone}.",

  "invitations.none": "Bado huna mialiko. Kama umepata namba ya mwaliko, tuma /start NAMBA.",
  "invitations.header": "Mialiko yako:",
  "invitations.item": "• {event} – {when} mahali {where} ({status})",
  "events.none": "Bado hujaunda tukio lolote.",
  "events.header": "Matukio yako:",
  "events.item": "• {event} (namba {code}) – {when}, wageni {guests}",
  "bookings.none": "Huna maombi ya huduma.",
  "bookings.header": "Maombi ya huduma zako:",
  "bookings.item": "• {service} kwa {event} tarehe {when} – {status}",
  "when.unknown": "tarehe itatangazwa",
  "where.unknown": "mahali patatangazwa",
  "rsvp.status.pending": "bado hujajibu",
  "rsvp.status.accepted": "unakuja",
  "rsvp.status.declined": "hutakuja",
  "booking.status.requested": "inasubiri jibu lako",
  "booking.status.confirmed": "imethibitishwa",
  "booking.status.declined": "imekataliwa",
  "booking.status.cancelled": "imesitishwa",

  "error.generic": "Samahani, kuna hitilafu upande wetu. Tafadhali jaribu tena baada ya muda mfupi.",
  "error.too_many_failures": "Samahani, sikuweza kushughulikia ujumbe wako \"{text}\". Timu yetu imearifiwa.",
};
