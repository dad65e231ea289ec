// Reminders: what guests, assignees, providers and organizers are reminded of, and the organizer's settings.
export const en = {
  "help.line.reminders": "/reminders CODE [off|on|7d 1d 3h|nudges off] – see and change the event's reminders",

  "reminders.usage":
    "Send the event's code, then what to change:\n/reminders HARUSI-7K2 – see them\n/reminders HARUSI-7K2 7d 1d 3h – remind guests who are coming 7 days, 1 day and 3 hours before\n/reminders HARUSI-7K2 off (or on) – all of them\n/reminders HARUSI-7K2 nudges off – one kind: event, nudges, tasks, bookings, payments, polls, digest",
  "reminders.offsets_invalid":
    '"{text}" is not a time before the event. Use days, hours or minutes, like 7d 1d 3h or 30m (up to 60 days, at most 5).',
  "reminders.header": "⏰ Reminders of {event}:",
  "reminders.line.event": "• Guests who are coming: {offsets} before – {state}",
  "reminders.line.nudges": "• Guests who have not answered: nudged 2 and 5 days after the invitation – {state}",
  "reminders.line.tasks": "• Tasks: to the assignee before it is due, to you when it is late – {state}",
  "reminders.line.bookings":
    "• Booking requests a provider has not answered: after 6 hours, then to you after a day – {state}",
  "reminders.line.payments": "• Deposits and balances not yet paid – {state}",
  "reminders.line.polls": "• Polls closing in 3 hours, to guests who have not voted – {state}",
  "reminders.line.digest": "• A summary for you each evening in the last week – {state}",
  "reminders.on": "on",
  "reminders.off": "off",
  "reminders.none_offsets": "none",
  "reminders.waiting": "Waiting to go: {count}. Next: {when}.",
  "reminders.waiting_none": "None waiting to go.",
  "reminders.footer":
    "Times are in {zone}; reminders that can wait are not sent at night (21:00–08:00). Change them: /reminders {code} 7d 1d 3h, /reminders {code} off, /reminders {code} digest off",
  "reminders.unit.day": "{n} d",
  "reminders.unit.hour": "{n} h",
  "reminders.unit.minute": "{n} min",

  "reminder.in.days": "in {n} days",
  "reminder.in.tomorrow": "tomorrow",
  "reminder.in.hours": "in {n} hours",
  "reminder.in.minutes": "in {n} minutes",
  "reminder.in.minute": "in 1 minute",
  "reminder.event": "⏰ Reminder: {event} is {relative}.\n🗓 {when}\n📍 {where}\nSend /info {code} for the programme.",
  "reminder.pass_hint": "Your entry pass for the door: /pass {code}",
  "reminder.nudge": "👋 {host} is still waiting for your answer to {event} ({when}). Will you come?",
  "reminder.task_due": "📝 Your task for {event} is due {when}: {title}. When it is done send /done {code}.",
  "reminder.task_late":
    '⚠️ The task "{title}" of {event}{who} was due {when} and is not done yet. See /tasks {event_code}.',
  "reminder.task_late_who": " (given to {name})",
  "reminder.booking_nudge":
    "📅 A booking request is waiting for your answer: {service} for {event} ({when}), reference {code}.\nAccept: /accept {code} PRICE DEPOSIT · Decline: /decline {code}",
  "reminder.booking_late":
    "⌛ {service} has not answered your booking request {code} for {event} in a day. You may wait, or find another with /services.",
  "reminder.deposit":
    "💳 The deposit of {amount} for {service} ({event}, booking {code}) is not recorded as paid. Once paid, send /payment {code} deposit.",
  "reminder.balance":
    "💳 The balance of {amount} for {service} is due before {event} on {when}. Once paid, send /payment {code} balance.",
  "reminder.poll_soon": '🗳 The poll "{question}" of {event} closes {when} and you have not voted yet. Tap your choice:',
  "reminder.digest":
    "📊 {event}: {days} ({when}).\nLast 24 hours: {answers} ({accepted}), {contributions}.\nIn all: {coming}, {pending}; tasks done {done} of {tasks}.",
  // The digest's counts, each agreeing with its number (src/i18n plural).
  "reminder.n.days.one": "{count} day to go",
  "reminder.n.days.other": "{count} days to go",
  "reminder.n.answers.one": "{count} new answer",
  "reminder.n.answers.other": "{count} new answers",
  "reminder.n.contributions.one": "{count} contribution",
  "reminder.n.contributions.other": "{count} contributions",
  "reminder.n.coming.one": "{count} person coming",
  "reminder.n.coming.other": "{count} people coming",
  "reminder.n.pending.one": "{count} has not answered",
  "reminder.n.pending.other": "{count} have not answered",
  "reminders.saved.one": "Saved. {count} reminder now waits to go for {event}.",
  "reminders.saved.other": "Saved. {count} reminders now wait to go for {event}.",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.reminders": "/vikumbusho NAMBA [zima|washa|7d 1d 3h|nudges zima] – ona na badilisha vikumbusho vya tukio",

  "reminders.usage":
    "Tuma namba ya tukio, kisha unachobadilisha:\n/vikumbusho HARUSI-7K2 – kuviona\n/vikumbusho HARUSI-7K2 7d 1d 3h – kukumbusha wanaokuja siku 7, siku 1 na saa 3 kabla\n/vikumbusho HARUSI-7K2 zima (au washa) – vyote\n/vikumbusho HARUSI-7K2 nudges zima – aina moja: event, nudges, tasks, bookings, payments, polls, digest",
  "reminders.offsets_invalid":
    '"{text}" si muda kabla ya tukio. Tumia siku (d), saa (h) au dakika (m), kama 7d 1d 3h au 30m (hadi siku 60, visizidi 5).',
  "reminders.header": "⏰ Vikumbusho vya {event}:",
  "reminders.line.event": "• Wageni wanaokuja: {offsets} kabla – {state}",
  "reminders.line.nudges": "• Wageni ambao hawajajibu: hukumbushwa siku 2 na 5 baada ya mwaliko – {state}",
  "reminders.line.tasks": "• Kazi: kwa mhusika kabla ya muda wake, kwako ikichelewa – {state}",
  "reminders.line.bookings":
    "• Maombi ya huduma ambayo mtoa huduma hajajibu: baada ya saa 6, kisha kwako baada ya siku moja – {state}",
  "reminders.line.payments": "• Amana na salio ambavyo bado havijalipwa – {state}",
  "reminders.line.polls": "• Kura zinazofungwa baada ya saa 3, kwa wageni ambao hawajapiga kura – {state}",
  "reminders.line.digest": "• Muhtasari kwako kila jioni katika wiki ya mwisho – {state}",
  "reminders.on": "vimewashwa",
  "reminders.off": "vimezimwa",
  "reminders.none_offsets": "hakuna",
  "reminders.waiting": "Vinavyosubiri kutumwa: {count}. Kinachofuata: {when}.",
  "reminders.waiting_none": "Hakuna kinachosubiri kutumwa.",
  "reminders.footer":
    "Saa ni za {zone}; vikumbusho visivyo vya haraka havitumwi usiku (21:00–08:00). Kubadilisha: /vikumbusho {code} 7d 1d 3h, /vikumbusho {code} zima, /vikumbusho {code} digest zima",
  "reminders.unit.day": "siku {n}",
  "reminders.unit.hour": "saa {n}",
  "reminders.unit.minute": "dakika {n}",

  "reminder.in.days": "baada ya siku {n}",
  "reminder.in.tomorrow": "kesho",
  "reminder.in.hours": "baada ya saa {n}",
  "reminder.in.minutes": "baada ya dakika {n}",
  "reminder.in.minute": "baada ya dakika 1",
  "reminder.event": "⏰ Kumbusho: {event} ni {relative}.\n🗓 {when}\n📍 {where}\nTuma /taarifa {code} kuona ratiba.",
  "reminder.pass_hint": "Pasi yako ya kuingia mlangoni: /pasi {code}",
  "reminder.nudge": "👋 {host} bado anasubiri jibu lako kwa {event} ({when}). Utakuja?",
  "reminder.task_due": "📝 Kazi yako ya {event} inatakiwa {when}: {title}. Ikikamilika tuma /imekwisha {code}.",
  "reminder.task_late":
    '⚠️ Kazi "{title}" ya {event}{who} ilitakiwa {when} na bado haijakamilika. Angalia /kazizote {event_code}.',
  "reminder.task_late_who": " (aliyepewa {name})",
  "reminder.booking_nudge":
    "📅 Ombi la huduma linasubiri jibu lako: {service} kwa {event} ({when}), namba {code}.\nKubali: /kubali {code} BEI AMANA · Kataa: /kataa {code}",
  "reminder.booking_late":
    "⌛ {service} hajajibu ombi lako {code} kwa {event} kwa siku moja. Unaweza kusubiri, au tafuta mwingine kwa /huduma.",
  "reminder.deposit":
    "💳 Amana ya {amount} kwa {service} ({event}, ombi {code}) haijarekodiwa kuwa imelipwa. Ukishalipa, tuma /malipooda {code} amana.",
  "reminder.balance":
    "💳 Salio la {amount} kwa {service} linatakiwa kabla ya {event} tarehe {when}. Ukishalipa, tuma /malipooda {code} salio.",
  "reminder.poll_soon": '🗳 Kura "{question}" ya {event} inafungwa {when} na bado hujapiga kura. Gusa chaguo lako:',
  "reminder.digest":
    "📊 {event}: {days} ({when}).\nSaa 24 zilizopita: {answers} ({accepted}), {contributions}.\nKwa jumla: {coming}, {pending}; kazi zilizokamilika {done} kati ya {tasks}.",
  "reminder.n.days.one": "imebaki siku {count}",
  "reminder.n.days.other": "zimebaki siku {count}",
  "reminder.n.answers.one": "jibu {count} jipya",
  "reminder.n.answers.other": "majibu {count} mapya",
  "reminder.n.contributions.one": "mchango {count}",
  "reminder.n.contributions.other": "michango {count}",
  "reminder.n.coming.one": "mtu {count} anakuja",
  "reminder.n.coming.other": "watu {count} wanakuja",
  "reminder.n.pending.one": "{count} hajajibu",
  "reminder.n.pending.other": "{count} hawajajibu",
  "reminders.saved.one": "Imehifadhiwa. Kikumbusho {count} sasa kinasubiri kutumwa kwa {event}.",
  "reminders.saved.other": "Imehifadhiwa. Vikumbusho {count} sasa vinasubiri kutumwa kwa {event}.",
};
