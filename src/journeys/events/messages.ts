// The organizer's side: creating events, inviting guests, following the answers, sharing links.
export const en = {
  "help.line.newevent":
    "/newevent – plan a new event, step by step (or in one line: /newevent Name | type | 2027-02-13 14:00 | place | budget)",
  "help.line.events": "/events – your events with their codes and answers",
  "help.line.invite": "/invite CODE 0712345678 Name, 0713... – invite guests (or /invite CODE, then share contacts)",
  "help.line.guests": "/guests CODE – who is coming, who is not, who has not answered",
  "help.line.link": "/link CODE – links to send each guest, and one for the whole event",
  "help.line.approve": "/approve CODE PHONE – let in someone who asked through the event's link",
  "help.line.notify": "/notify CODE on|off – be told of each answer as it comes",

  "event.unknown_code": 'I could not find an event "{code}" of yours. Send /events to see your events and their codes.',
  "event.none_upcoming": "You have no upcoming event. Send /newevent to plan one.",
  "event.which": "You have several upcoming events; add the event's code to the command. Your codes: {codes}",

  "newevent.ask_name": "Let us plan your event. What is it called? (for example: Harusi ya Neema na Baraka)",
  "newevent.name_invalid": "Please send the event's name, 2 to 80 characters.",
  "newevent.ask_type": "What kind of event is it?",
  "newevent.type_invalid": "Please pick the kind of event with a button, or type it (2 to 40 letters).",
  "newevent.type.wedding": "Wedding",
  "newevent.type.sendoff": "Send-off",
  "newevent.type.burial": "Burial",
  "newevent.type.corporate": "Corporate",
  "newevent.type.other": "Other",
  "newevent.ask_when":
    "When does it start? Send the date and time, for example 2027-02-13 14:00 (or 13/02/2027 2:00pm). Times are in {zone}.",
  "newevent.when_invalid":
    'I could not read "{text}" as a date. Send the day and time, for example 2027-02-13 14:00, Saturday 2pm or Jumamosi ijayo saa nane mchana.',
  "newevent.when_past": "I read that as {when}, which has already passed. Please send a date and time in the future.",
  "newevent.when_day_past": "I read that as {day}, which has already passed. Please send a day in the future.",
  "newevent.when_ask_time": "{day}: at what time does it start? (for example 14:00, 2pm or saa nane mchana)",
  "newevent.when_ask_day": "At {time}: on which day? (for example tomorrow, Saturday, 20 December or 2027-02-13)",
  "newevent.when_day_today": "Today",
  "newevent.when_day_tomorrow": "Tomorrow",
  "newevent.ask_place": "Where will it be? (the venue, e.g. Diamond Jubilee Hall, Dar es Salaam)",
  "newevent.place_invalid": "Please send the place, 2 to 120 characters.",
  "newevent.ask_budget":
    'What is your budget (in TZS)? For example 5,000,000 or 5m. Send "skip" if you do not want to set one now.',
  "newevent.budget_invalid": 'I could not read "{text}" as an amount. Send it like 5,000,000, 5m or 500k, or "skip".',
  "newevent.created":
    "Your event is ready: {name}\n🗓 {when}\n📍 {where}\nIts code is {code}. Next: invite guests with /invite {code} 0712345678 Name, ...",

  "events.none": "You have not created any events yet. Send /newevent to plan one.",
  "events.header": "Your events:",
  "events.item": "• {event} ({code}) – {when}\n  {accepted} ({headcount}), {declined}, {maybe}, {pending}",
  // Counted phrases (see src/i18n plural): English only bends "person", Swahili the verb's subject too.
  "guests.n.coming.one": "{count} coming",
  "guests.n.coming.other": "{count} coming",
  "guests.n.people.one": "{count} person",
  "guests.n.people.other": "{count} people",
  "guests.n.declined.one": "{count} not coming",
  "guests.n.declined.other": "{count} not coming",
  "guests.n.maybe.one": "{count} maybe",
  "guests.n.maybe.other": "{count} maybe",
  "guests.n.pending.one": "{count} not answered",
  "guests.n.pending.other": "{count} not answered",
  "invite.waiting_note.one":
    "{count} of them can only be reached once they open Nuru: send them their link with /link {code}.",

  "invite.usage":
    "Send the numbers to invite after the event's code, separated by commas, each with the guest's name if you like:\n/invite {code} 0712345678 Amina, 0754 111 222 Juma\nOr share contacts with me after /invite {code}.",
  "invite.ask":
    'Send the numbers to invite to {event} (with names if you like, separated by commas), or share contacts with me. Send "finished" (or "tayari") when you have finished.',
  "invite.sent": "Invited to {event}: {count}.",
  "invite.waiting_note.other":
    "{count} of them can only be reached once they open Nuru themselves: send them their links with /link {code}.",
  "invite.first_contact_note.one":
    "{count} of them has never written to this WhatsApp number. So that WhatsApp does not ban it, invitations to new numbers go out slowly (about {perHour} an hour, at most {perDay} a day): it may take {duration}. Faster: send them their link with /link {code}; whoever writes first is answered at once.",
  "invite.first_contact_note.other":
    "{count} of them have never written to this WhatsApp number. So that WhatsApp does not ban it, their invitations go out slowly (about {perHour} an hour, at most {perDay} a day): the last may take {duration}. Faster: send them their links with /link {code}; whoever writes first is answered at once.",
  "invite.daily_limit_note.one":
    "{count} of them has never written to this WhatsApp number, and WhatsApp lets it start at most {perDay} new conversations a day: the last invitations go out over the next days ({duration}). Faster: send them their links with /link {code}; whoever writes first is answered at once.",
  "invite.daily_limit_note.other":
    "{count} of them have never written to this WhatsApp number, and WhatsApp lets it start at most {perDay} new conversations a day: the last invitations go out over the next days ({duration}). Faster: send them their links with /link {code}; whoever writes first is answered at once.",
  "invite.duration.hour": "up to an hour",
  "invite.duration.hours": "about {n} hours",
  "invite.duration.days": "about {n} days",
  "invite.invalid": "Not a phone number I can use, so not invited: {list}",
  "invite.duplicate": "Given twice (invited once): {list}",
  "invite.already": "Already invited before: {list}",
  "invite.none_valid": "I found no phone number to invite. {usage}",
  "invite.done": "Done: {count} invited in all. See the answers with /guests {code}.",
  "invite.contact_added": "Invited {name} ({phone}) to {event}.",
  "invite.event_closed": "{event} is {status}, so it takes no new guests.",

  "guests.header": "{event} ({code}) – {when}\n{accepted} ({headcount}), {declined}, {maybe}, {pending}.",
  "guests.none": "Nobody is invited to {event} yet. Invite guests with /invite {code} 0712345678 Name, ...",
  "guests.item": "• {name} {phone} – {status}",
  "guests.party": "{status}, {party}",
  "guests.status.accepted": "coming",
  "guests.status.declined": "not coming",
  "guests.status.maybe": "maybe",
  "guests.status.pending": "not answered",
  "guests.requests": "Asked to join through the event's link (let them in with /approve {code} PHONE):",

  "link.header": "Links for {event} ({code}). Send each guest their own; the last one is for a family group.",
  "link.guest": "• {name}: {links}",
  "link.telegram": "Telegram {url}",
  "link.whatsapp": "WhatsApp {url}",
  "link.simulator": 'send "start {code}" to Nuru',
  "link.event":
    "For everyone (whoever opens it shares their number, and Nuru opens the invitation made for it): {links}",

  "approve.no_request": "{phone} has not asked to join this event. Invite them with /invite instead.",
  "approve.done": "{name} ({phone}) is let in and has the invitation now.",
  "approve.invalid": "Send the event's code and the number that asked, for example: /approve {code} 0712345678",

  "notify.on": "You will be told of each answer to {event} as it comes.",
  "notify.off": "You will no longer be told of each answer to {event}. See them any time with /guests {code}.",
  "notify.usage": "Send /notify {code} on or /notify {code} off.",

  "event.own_link":
    "This is the link of your own event {event}. Send it to your guests; see their answers with /guests {code}.",
  "events.waiting": "• {event} ({code}): {pending}, {accepted}. /guests {code}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.newevent":
    "/tukiompya – panga tukio jipya, hatua kwa hatua (au kwa mstari mmoja: /tukiompya Jina | aina | 2027-02-13 14:00 | mahali | bajeti)",
  "help.line.events": "/matukio – matukio yako, namba zake na majibu",
  "help.line.invite": "/alika NAMBA 0712345678 Jina, 0713... – alika wageni (au /alika NAMBA, kisha tuma anwani)",
  "help.line.guests": "/wageni NAMBA – nani anakuja, nani hatakuja, nani hajajibu",
  "help.line.link": "/kiungo NAMBA – viungo vya kumtumia kila mgeni, na kimoja cha tukio zima",
  "help.line.approve": "/ruhusu NAMBA SIMU – mruhusu aliyeomba kupitia kiungo cha tukio",
  "help.line.notify": "/arifu NAMBA on|off – ujulishwe kila jibu linapofika",

  "event.unknown_code": 'Sikupata tukio lako lenye namba "{code}". Tuma /matukio kuona matukio yako na namba zake.',
  "event.none_upcoming": "Huna tukio lijalo. Tuma /tukiompya kupanga moja.",
  "event.which": "Una matukio kadhaa yajayo; ongeza namba ya tukio kwenye amri. Namba zako: {codes}",

  "newevent.ask_name": "Tupange tukio lako. Linaitwaje? (mfano: Harusi ya Neema na Baraka)",
  "newevent.name_invalid": "Tafadhali tuma jina la tukio, herufi 2 hadi 80.",
  "newevent.ask_type": "Ni tukio la aina gani?",
  "newevent.type_invalid": "Tafadhali chagua aina ya tukio kwa kitufe, au iandike (herufi 2 hadi 40).",
  "newevent.type.wedding": "Harusi",
  "newevent.type.sendoff": "Send-off",
  "newevent.type.burial": "Msiba",
  "newevent.type.corporate": "Kikampuni",
  "newevent.type.other": "Nyingine",
  "newevent.ask_when":
    "Linaanza lini? Tuma tarehe na saa, mfano 2027-02-13 14:00 (au 13/02/2027 2:00pm). Saa ni za {zone}.",
  "newevent.when_invalid":
    'Sikuweza kusoma "{text}" kama tarehe. Tuma siku na saa, mfano Jumamosi ijayo saa nane mchana, kesho saa 10 jioni au 2027-02-13 14:00.',
  "newevent.when_past": "Nimeisoma kama {when}, na muda huo umeshapita. Tafadhali tuma tarehe na saa ijayo.",
  "newevent.when_day_past": "Nimeisoma kama {day}, na siku hiyo imeshapita. Tafadhali tuma siku ijayo.",
  "newevent.when_ask_time": "{day}: litaanza saa ngapi? (mfano saa nane mchana, saa 2 usiku au 14:00)",
  "newevent.when_ask_day": "{time}: siku gani? (mfano kesho, Jumamosi ijayo, tarehe 20 Desemba au 2027-02-13)",
  "newevent.when_day_today": "Leo",
  "newevent.when_day_tomorrow": "Kesho",
  "newevent.ask_place": "Litafanyika wapi? (ukumbi, mfano Diamond Jubilee Hall, Dar es Salaam)",
  "newevent.place_invalid": "Tafadhali tuma mahali, herufi 2 hadi 120.",
  "newevent.ask_budget":
    'Bajeti yako ni kiasi gani (TZS)? Mfano 5,000,000 au milioni 5. Tuma "ruka" kama hutaki kuweka sasa.',
  "newevent.budget_invalid":
    'Sikuweza kusoma "{text}" kama kiasi. Tuma kama 5,000,000, milioni 5 au elfu 500, au "ruka".',
  "newevent.created":
    "Tukio lako liko tayari: {name}\n🗓 {when}\n📍 {where}\nNamba yake ni {code}. Hatua inayofuata: alika wageni kwa /alika {code} 0712345678 Jina, ...",

  "events.none": "Bado hujaunda tukio lolote. Tuma /tukiompya kupanga moja.",
  "events.header": "Matukio yako:",
  "events.item": "• {event} ({code}) – {when}\n  {accepted} ({headcount}), {declined}, {maybe}, {pending}",
  "guests.n.coming.one": "{count} anakuja",
  "guests.n.coming.other": "{count} wanakuja",
  "guests.n.people.one": "mtu {count}",
  "guests.n.people.other": "watu {count}",
  "guests.n.declined.one": "{count} hatakuja",
  "guests.n.declined.other": "{count} hawatakuja",
  "guests.n.maybe.one": "{count} labda",
  "guests.n.maybe.other": "{count} labda",
  "guests.n.pending.one": "{count} hajajibu",
  "guests.n.pending.other": "{count} hawajajibu",
  "invite.waiting_note.one":
    "{count} kati yao anaweza kufikiwa tu akifungua Nuru mwenyewe: mtumie kiungo chake kwa /kiungo {code}.",

  "invite.usage":
    "Tuma namba za kualika baada ya namba ya tukio, zikitenganishwa kwa koma, kila moja na jina la mgeni ukipenda:\n/alika {code} 0712345678 Amina, 0754 111 222 Juma\nAu nitumie anwani baada ya /alika {code}.",
  "invite.ask":
    'Tuma namba za kualika kwenye {event} (na majina ukipenda, zikitenganishwa kwa koma), au nitumie anwani. Tuma "tayari" ukimaliza.',
  "invite.sent": "Walioalikwa kwenye {event}: {count}.",
  "invite.waiting_note.other":
    "{count} kati yao wanaweza kufikiwa tu wakifungua Nuru wenyewe: watumie viungo vyao kwa /kiungo {code}.",
  "invite.first_contact_note.one":
    "{count} kati yao hajawahi kuandika kwa namba hii ya WhatsApp. Ili WhatsApp isiifungie, mialiko kwa namba mpya inatumwa polepole (takriban {perHour} kwa saa, isiyozidi {perDay} kwa siku): inaweza kuchukua {duration}. Haraka zaidi: mtumie kiungo chake kwa /kiungo {code}; anayeandika kwanza hujibiwa papo hapo.",
  "invite.first_contact_note.other":
    "{count} kati yao hawajawahi kuandika kwa namba hii ya WhatsApp. Ili WhatsApp isiifungie, mialiko yao inatumwa polepole (takriban {perHour} kwa saa, isiyozidi {perDay} kwa siku): wa mwisho anaweza kuchukua {duration}. Haraka zaidi: watumie viungo vyao kwa /kiungo {code}; anayeandika kwanza hujibiwa papo hapo.",
  "invite.daily_limit_note.one":
    "{count} kati yao hajawahi kuandika kwa namba hii ya WhatsApp, na WhatsApp inairuhusu kuanzisha mazungumzo mapya {perDay} tu kwa siku: mialiko ya mwisho itatumwa katika siku zijazo ({duration}). Haraka zaidi: mtumie kiungo chake kwa /kiungo {code}; anayeandika kwanza hujibiwa papo hapo.",
  "invite.daily_limit_note.other":
    "{count} kati yao hawajawahi kuandika kwa namba hii ya WhatsApp, na WhatsApp inairuhusu kuanzisha mazungumzo mapya {perDay} tu kwa siku: mialiko ya mwisho itatumwa katika siku zijazo ({duration}). Haraka zaidi: watumie viungo vyao kwa /kiungo {code}; anayeandika kwanza hujibiwa papo hapo.",
  "invite.duration.hour": "hadi saa moja",
  "invite.duration.hours": "takriban saa {n}",
  "invite.duration.days": "takriban siku {n}",
  "invite.invalid": "Si namba ya simu ninayoweza kutumia, hawakualikwa: {list}",
  "invite.duplicate": "Zimetolewa mara mbili (wamealikwa mara moja): {list}",
  "invite.already": "Walishaalikwa awali: {list}",
  "invite.none_valid": "Sikupata namba ya simu ya kualika. {usage}",
  "invite.done": "Tayari: jumla ya walioalikwa ni {count}. Tazama majibu kwa /wageni {code}.",
  "invite.contact_added": "Nimemwalika {name} ({phone}) kwenye {event}.",
  "invite.event_closed": "{event} {status}, kwa hiyo haipokei wageni wapya.",

  "guests.header": "{event} ({code}) – {when}\n{accepted} ({headcount}), {declined}, {maybe}, {pending}.",
  "guests.none": "Bado hakuna aliyealikwa kwenye {event}. Alika wageni kwa /alika {code} 0712345678 Jina, ...",
  "guests.item": "• {name} {phone} – {status}",
  "guests.party": "{status}, {party}",
  "guests.status.accepted": "anakuja",
  "guests.status.declined": "hatakuja",
  "guests.status.maybe": "labda",
  "guests.status.pending": "hajajibu",
  "guests.requests": "Waliomba kujiunga kupitia kiungo cha tukio (waruhusu kwa /ruhusu {code} SIMU):",

  "link.header": "Viungo vya {event} ({code}). Mtumie kila mgeni chake; cha mwisho ni cha kikundi cha familia.",
  "link.guest": "• {name}: {links}",
  "link.telegram": "Telegram {url}",
  "link.whatsapp": "WhatsApp {url}",
  "link.simulator": 'tuma "start {code}" kwa Nuru',
  "link.event": "Kwa wote (anayefungua anatuma namba yake, na Nuru inafungua mwaliko wa namba hiyo): {links}",

  "approve.no_request": "{phone} hajaomba kujiunga na tukio hili. Mwalike kwa /alika badala yake.",
  "approve.done": "{name} ({phone}) ameruhusiwa na sasa ana mwaliko.",
  "approve.invalid": "Tuma namba ya tukio na namba ya simu iliyoomba, mfano: /ruhusu {code} 0712345678",

  "notify.on": "Utajulishwa kila jibu la {event} linapofika.",
  "notify.off": "Hutajulishwa tena kila jibu la {event}. Yatazame wakati wowote kwa /wageni {code}.",
  "notify.usage": "Tuma /arifu {code} on au /arifu {code} off.",

  "event.own_link": "Hiki ni kiungo cha tukio lako {event}. Watumie wageni wako; tazama majibu yao kwa /wageni {code}.",
  "events.waiting": "• {event} ({code}): {pending}, {accepted}. /wageni {code}",
};
