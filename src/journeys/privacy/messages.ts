// The privacy journey's messages: stopping and starting messages, one's own name, private lists kept out of groups,
// quotas, and what a stranger is told when they open an event's link.
export const en = {
  "help.line.stop": "/stop – no more messages from Nuru (START to get them again); /stop CODE – only that event",
  "help.line.name": "/name Asha Juma – the name every organizer sees for you",

  "optout.done_all":
    "Done: Nuru will send you no more messages about any event. If you write to me, I will still answer. Send START whenever you want messages again.",
  "optout.done_event": "Done: no more messages about {event}. Send START whenever you want them again.",
  "optout.only_hint": "Did you mean only one event? Tap it, and the others will still reach you:",
  "optout.only_button": "Only {event}",
  "optout.resumed": "Welcome back: you will get messages about your events again. Send STOP any time to stop them.",
  "optout.unknown_event":
    'You are not a guest of an event with the code "{code}". Send STOP alone to stop every message.',
  "guests.opted_out": "stopped messages",

  "name.set": "From now on every organizer sees you as {name}.",
  "name.usage": "Send your name after the command, for example: /name Asha Juma (Kiswahili: /jina Asha Juma).",

  "privacy.private_only":
    "This holds private details (phone numbers, links, passes, money), so I do not show it in a group. Send /{command} to me in a private chat{link}.",

  "quota.invite_per_message":
    "One message can invite at most {limit} numbers; this one had {count}. Please send them in smaller groups.",
  "quota.invite_daily":
    "You can send {limit} invitations a day, and {left} are left today. Not invited this time: {list}. Send them again tomorrow.",
  "quota.invite_new_organizer":
    "New organizers can send {limit} invitations until {answers} of their guests have answered; {left} are left. Not invited this time: {list}.",
  "quota.first_contact":
    "Today you can reach {limit} people who never wrote to Nuru, and that is used up. Not invited this time: {list}. Share your event link so guests write first, or try tomorrow.",
  "quota.announce_daily": "{event} can send {limit} announcements a day, and today's are used up. Try again tomorrow.",
  "quota.announce_too_long":
    "An announcement can hold at most {limit} characters; this one has {length}. Please make it shorter.",
  "quota.unknown_codes":
    "Too many codes that open nothing today. Check the code in your invitation and try again tomorrow.",

  "share.requested":
    "Thank you {name}. I asked the organizer to let you in; you will get the invitation here when they do.",
  "share.already_asked":
    "You have already asked to join. You will get the invitation here when the organizer lets you in.",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.stop":
    "/jiondoe (au STOP) – usipokee tena ujumbe wa Nuru (tuma ANZA kupokea tena); /jiondoe NAMBA – tukio hilo tu",
  "help.line.name": "/jina Asha Juma – jina ambalo kila mratibu ataliona kwako",

  "optout.done_all":
    "Sawa: Nuru haitakutumia tena ujumbe wowote kuhusu matukio. Ukiniandikia, nitakujibu. Tuma ANZA wakati wowote ukitaka ujumbe tena.",
  "optout.done_event": "Sawa: hutapokea tena ujumbe kuhusu {event}. Tuma ANZA wakati wowote ukitaka tena.",
  "optout.only_hint": "Ulimaanisha tukio moja tu? Libonyeze, na mengine yataendelea kukufikia:",
  "optout.only_button": "{event} tu",
  "optout.resumed": "Karibu tena: utapokea tena ujumbe kuhusu matukio yako. Tuma STOP wakati wowote kuusimamisha.",
  "optout.unknown_event": 'Wewe si mgeni wa tukio lenye namba "{code}". Tuma STOP peke yake kusimamisha ujumbe wote.',
  "guests.opted_out": "amesimamisha ujumbe",

  "name.set": "Kuanzia sasa kila mratibu atakuona kama {name}.",
  "name.usage": "Tuma jina lako baada ya amri, kwa mfano: /jina Asha Juma (English: /name Asha Juma).",

  "privacy.private_only":
    "Hii ina mambo ya faragha (namba za simu, viungo, pasi, pesa), kwa hiyo siionyeshi kwenye kikundi. Nitumie /{command} kwenye chat ya faragha{link}.",

  "quota.invite_per_message":
    "Ujumbe mmoja unaweza kualika namba {limit} tu; huu ulikuwa na {count}. Tafadhali zitume kwa makundi madogo.",
  "quota.invite_daily":
    "Unaweza kutuma mialiko {limit} kwa siku, na imebaki {left} leo. Hawajaalikwa safari hii: {list}. Zitume tena kesho.",
  "quota.invite_new_organizer":
    "Mratibu mpya anaweza kutuma mialiko {limit} hadi wageni wake {answers} wajibu; imebaki {left}. Hawajaalikwa safari hii: {list}.",
  "quota.first_contact":
    "Leo unaweza kuwafikia watu {limit} ambao hawajawahi kuiandikia Nuru, na nafasi hizo zimekwisha. Hawajaalikwa safari hii: {list}. Shiriki kiungo cha tukio ili wageni waandike kwanza, au jaribu kesho.",
  "quota.announce_daily": "{event} inaweza kutuma matangazo {limit} kwa siku, na ya leo yamekwisha. Jaribu tena kesho.",
  "quota.announce_too_long": "Tangazo linaweza kuwa na herufi {limit} tu; hili lina {length}. Tafadhali lifupishe.",
  "quota.unknown_codes":
    "Umejaribu namba nyingi zisizofungua chochote leo. Hakikisha namba kwenye mwaliko wako, ujaribu tena kesho.",

  "share.requested": "Asante {name}. Nimemwomba mratibu akuruhusu; utapokea mwaliko hapa atakapokubali.",
  "share.already_asked": "Tayari umeomba kujiunga. Utapokea mwaliko hapa mratibu atakapokuruhusu.",
} as const;
