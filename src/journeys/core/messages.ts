// The core journey's messages: first contact, help, language, stopping, opening an invitation by code.
export const en = {
  "welcome.new": "Karibu! Welcome to Nuru, the easy way to run and attend events on your phone. What is your name?",
  "welcome.back": "Welcome back, {name}! Send /help to see what you can do.",
  "welcome.named": "Nice to meet you, {name}! Send /help to see what you can do.",
  "onboarding.name_invalid": "Please send your name (2 to 60 letters), for example: Neema Mushi.",
  "greeting.hello": "Hello {name}!",
  "greeting.hello_anonymous": "Hello!",
  "greeting.next": "Here is what waits for you:",
  "greeting.more": "Send /help for everything you can do.",
  "greeting.what_you_can_do": "Here is what you can do with Nuru:",

  "help.header": "Here is what you can do with Nuru, {name}:",
  "help.section.guest": "As a guest:",
  "help.section.organizer": "As an organizer:",
  "help.section.provider": "As a service provider:",
  "help.whatsapp_no_slash": "On WhatsApp you can leave out the /, e.g. send: help",
  "help.line.help": "/help – this list",
  "help.line.language": "/language en|sw – change language (Kiswahili: /lugha sw)",
  "help.line.cancel": "/cancel – stop what you are doing",
  "help.line.start": "/start CODE – open an invitation with its code",

  "cancel.done": "Stopped. Send /help whenever you need me.",
  "cancel.nothing": "There is nothing to stop. Send /help to see what you can do.",

  "language.set": "Language set to English.",
  "language.ask": "Which language do you want?",
  "language.invalid": "I know English (en) and Kiswahili (sw). Send /language en or /language sw.",
  "language.choice.en": "English",
  "language.choice.sw": "Kiswahili",

  "link.invalid_code":
    'I could not find an invitation with the code "{code}". Check the code in your invitation, or ask the organizer to send it again.',
  "link.phone_saved": "Thank you, your number {phone} is saved.",
  "link.phone_invalid": "That does not look like a phone number I can use: {phone}.",
  "link.contact_not_own": "Please share your own number with the button, not someone else's contact.",
  "link.phone_taken": "That number is already linked to another account. If it is yours, ask the organizer for help.",
  "link.ask_phone": "Share your phone number so I can find your invitations.",
  "link.ask_phone_button": "Share my phone number",
  "link.ask_phone_for_invitation":
    "To open your invitation, share your phone number with the button below, so I know it was sent to you.",
  "link.already_claimed": "This invitation has already been opened by someone else. Ask the organizer to invite you.",
  "link.other_number":
    "This invitation was sent to another phone number. Ask the organizer to invite your number {phone}.",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "welcome.new": "Karibu Nuru, njia rahisi ya kuandaa na kuhudhuria sherehe kwa simu yako. Jina lako ni nani?",
  "welcome.back": "Karibu tena, {name}! Tuma /msaada kuona unachoweza kufanya.",
  "welcome.named": "Nimefurahi kukufahamu, {name}! Tuma /msaada kuona unachoweza kufanya.",
  "onboarding.name_invalid": "Tafadhali tuma jina lako (herufi 2 hadi 60), kwa mfano: Neema Mushi.",
  "greeting.hello": "Habari {name}!",
  "greeting.hello_anonymous": "Habari!",
  "greeting.next": "Haya yanakusubiri:",
  "greeting.more": "Tuma /msaada kuona yote unayoweza kufanya.",
  "greeting.what_you_can_do": "Haya ndiyo unayoweza kufanya na Nuru:",

  "help.header": "Haya ndiyo unayoweza kufanya na Nuru, {name}:",
  "help.section.guest": "Kama mgeni:",
  "help.section.organizer": "Kama mratibu:",
  "help.section.provider": "Kama mtoa huduma:",
  "help.whatsapp_no_slash": "Kwenye WhatsApp unaweza kuacha alama /, mfano tuma: msaada",
  "help.line.help": "/msaada – orodha hii",
  "help.line.language": "/lugha sw|en – badilisha lugha (English: /language en)",
  "help.line.cancel": "/sitisha – acha unachofanya",
  "help.line.start": "/start NAMBA – fungua mwaliko kwa namba yake",

  "cancel.done": "Nimesitisha. Tuma /msaada wakati wowote ukinihitaji.",
  "cancel.nothing": "Hakuna cha kusitisha. Tuma /msaada kuona unachoweza kufanya.",

  "language.set": "Lugha imewekwa Kiswahili.",
  "language.ask": "Unataka lugha gani?",
  "language.invalid": "Ninajua Kiswahili (sw) na English (en). Tuma /lugha sw au /lugha en.",
  "language.choice.en": "English",
  "language.choice.sw": "Kiswahili",

  "link.invalid_code":
    'Sikupata mwaliko wenye namba "{code}". Hakikisha namba kwenye mwaliko wako, au muombe mratibu akutumie tena.',
  "link.phone_saved": "Asante, namba yako {phone} imehifadhiwa.",
  "link.phone_invalid": "Hiyo haionekani kuwa namba ya simu ninayoweza kutumia: {phone}.",
  "link.contact_not_own": "Tafadhali tuma namba yako mwenyewe kwa kitufe, si ya mtu mwingine.",
  "link.phone_taken": "Namba hiyo tayari imeunganishwa na akaunti nyingine. Kama ni yako, muombe mratibu msaada.",
  "link.ask_phone": "Tuma namba yako ya simu ili nipate mialiko yako.",
  "link.ask_phone_button": "Tuma namba yangu ya simu",
  "link.ask_phone_for_invitation":
    "Ili kufungua mwaliko wako, tuma namba yako ya simu kwa kitufe kilicho hapa chini, nijue ulitumiwa wewe.",
  "link.already_claimed": "Mwaliko huu tayari umefunguliwa na mtu mwingine. Muombe mratibu akualike.",
  "link.other_number": "Mwaliko huu ulitumwa kwa namba nyingine ya simu. Muombe mratibu aalike namba yako {phone}.",
};
