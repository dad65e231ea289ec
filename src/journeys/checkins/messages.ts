// Check-in at the door: guests' entry passes, ushers, and who has arrived.
export const en = {
  "help.line.pass": "/pass [CODE] – your entry pass for an event you are coming to (a QR code to show at the door)",
  "help.line.usher": "/usher CODE 0712345678 [Name] – let someone check guests in at the door",
  "help.line.checkins": "/checkins CODE – who has arrived, against who is expected",
  "pass.none": "Only guests who said they are coming get an entry pass. Answer your invitation first: /rsvp",
  "pass.unknown": 'I could not find an event "{code}" you are coming to. Send /invitations to see yours.',
  "pass.which": "You are coming to several events; add the event's code: /pass CODE. Your codes: {codes}",
  "pass.card":
    "🎟 Entry pass: {guest}, {people}, for {event} ({when}).\nShow this QR code at the door. If it cannot be scanned, the usher sends: {start}",
  "pass.links": "On Telegram: {telegram}\nOn WhatsApp: {whatsapp}",
  // What the usher types when the QR cannot be read: the start command in the reader's language (both open a pass).
  "pass.start": "start {token}",
  "usher.usage": "Send the event's code and the usher's phone: /usher {code} 0712345678 Juma",
  "usher.phone_invalid": '"{text}" is not a phone number I can use.',
  "usher.added": "{name} ({phone}) now checks guests in at {event}.",
  "usher.already": "{name} ({phone}) already checks guests in at {event}.",
  "usher.told":
    "{organizer} asked you to check guests in at {event}. Scan each guest's entry pass with your phone's camera and send what opens (or send the code printed under it). /checkins {code} shows who has arrived.",
  "scan.checked": "✅ {guest} checked in for {event}: {people}.",
  "scan.already": "⚠️ {guest} was already checked in for {event}, {when}, by {by}.",
  "scan.stranger": "This is an entry pass for {event}: the ushers at the door check it in.",
  "scan.declined":
    "⛔ {guest} said they are not coming to {event}, so this pass does not let them in. Ask the organizer.",
  "scan.cancelled": "⛔ {event} has been cancelled: nobody is checked in.",
  "scan.unknown":
    "This entry pass is not valid: no invitation has it. Ask the guest for their name and check the list (/guests).",
  "checkins.report":
    "{event}: arrived {arrived} of {expected} guests coming ({arrived_people} of {expected_people} people).",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.pass": "/pasi [NAMBA] – pasi yako ya kuingia kwa tukio unalokuja (msimbo wa QR wa kuonyesha mlangoni)",
  "help.line.usher": "/mhudumu NAMBA 0712345678 [Jina] – mruhusu mtu kupokea wageni mlangoni",
  "help.line.checkins": "/waliofika NAMBA – waliofika, dhidi ya wanaotarajiwa",
  "pass.none": "Wageni waliosema watakuja tu ndio hupata pasi ya kuingia. Jibu mwaliko wako kwanza: /jibu",
  "pass.unknown": 'Sikupata tukio "{code}" unalokuja. Tuma /mialiko kuona yako.',
  "pass.which": "Unakuja kwenye matukio kadhaa; ongeza namba ya tukio: /pasi NAMBA. Namba zako: {codes}",
  "pass.card":
    "🎟 Pasi ya kuingia: {guest}, {people}, kwa {event} ({when}).\nOnyesha msimbo huu wa QR mlangoni. Usiposomeka, mhudumu atume: {start}",
  "pass.links": "Kwa Telegram: {telegram}\nKwa WhatsApp: {whatsapp}",
  "pass.start": "fungua {token}",
  "usher.usage": "Tuma namba ya tukio na simu ya mhudumu: /mhudumu {code} 0712345678 Juma",
  "usher.phone_invalid": '"{text}" si namba ya simu ninayoweza kutumia.',
  "usher.added": "{name} ({phone}) sasa anapokea wageni kwenye {event}.",
  "usher.already": "{name} ({phone}) tayari anapokea wageni kwenye {event}.",
  "usher.told":
    "{organizer} amekuomba upokee wageni kwenye {event}. Soma pasi ya kila mgeni kwa kamera ya simu yako na utume kinachofunguka (au tuma namba iliyoandikwa chini yake). /waliofika {code} huonyesha waliofika.",
  "scan.checked": "✅ {guest} amepokelewa kwa {event}: {people}.",
  "scan.already": "⚠️ {guest} alishapokelewa kwa {event}, {when}, na {by}.",
  "scan.stranger": "Hii ni pasi ya kuingia kwa {event}: wahudumu wa mlangoni ndio huipokea.",
  "scan.declined":
    "⛔ {guest} alisema hatakuja kwenye {event}, kwa hiyo pasi hii haimruhusu kuingia. Muulize mwandaaji.",
  "scan.cancelled": "⛔ Tukio {event} limefutwa: hakuna anayepokelewa.",
  "scan.unknown":
    "Pasi hii si halali: hakuna mwaliko wenye namba hii. Muulize mgeni jina lake na uangalie orodha (/wageni).",
  "checkins.report":
    "{event}: wamefika {arrived} kati ya wageni {expected} wanaokuja (watu {arrived_people} kati ya {expected_people}).",
};
