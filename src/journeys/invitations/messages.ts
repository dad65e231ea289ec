// The guest's side: invitations, opening one, answering it.
export const en = {
  "help.line.invitations": "/invitations – your invitations, when and where",
  "help.line.rsvp": "/rsvp [CODE] – answer an invitation, or change your answer",
  "invitations.none": "You have no invitations yet. If you got an invitation code, send /start CODE.",
  "invitations.header": "Your invitations:",
  "invitations.own_code": 'Your personal code is {code}: send "open {code}" to answer all your invitations at once.',
  "invitations.item": "• {event} – {when}, {where}: {status} (answer: /rsvp {code})",
  "rsvp.status.pending": "not answered yet",
  "rsvp.status.accepted": "coming",
  "rsvp.status.declined": "not coming",
  "rsvp.status.maybe": "maybe",
  "invitation.card": "{host} invites you to {event}.\n🗓 {when}\n📍 {where}\n\nWill you come?",
  "rsvp.choice.yes": "Yes, I will come",
  "rsvp.choice.no": "No, I cannot come",
  "rsvp.choice.maybe": "Maybe",
  "rsvp.ask_party":
    "Wonderful! How many people will come to {event} in total, you included? Tap a number, or send one from 1 to {max}.",
  "rsvp.party_invalid":
    "Please send how many people will come in total, you included: a number from 1 to {max}, for example 2.",
  "rsvp.answer_invalid": "Please answer with one of the choices: yes, no or maybe.",
  "rsvp.check": "Just to be sure: will you come to {event}?",
  "rsvp.party_too_many":
    "I can note at most {max} people for one answer. For a larger group please talk to the organizer; or send how many come, from 1 to {max}.",
  "rsvp.accepted":
    "Thank you, {name}! You are coming to {event}, {party} in total.\n🗓 {when}\n📍 {where}\nYou can change your answer with /rsvp.",
  "rsvp.declined":
    "Thank you for telling us, {name}. We are sorry you cannot come to {event}. You can change your answer with /rsvp.",
  "rsvp.maybe": "Noted: maybe. Please answer once you know, any time before {event}: /rsvp {code}",
  "rsvp.people.one": "1 person",
  "rsvp.people.many": "{count} people",
  "rsvp.unknown_invitation": 'I could not find an invitation "{code}" for you. Send /invitations to see yours.',
  "rsvp.event_cancelled": "{event} has been cancelled, so it takes no answers.",
  "rsvp.event_started": "{event} has already begun, so answers are closed.",
  "rsvp.none_open": "You have no invitations to answer right now. Send /invitations to see yours.",
  "rsvp.which": "Which invitation is your answer for?",
  "rsvp.which_invalid": "Please pick the event with one of the buttons (or its number).",
  "rsvp.waiting": "• Invitation to {event} ({when}): not answered yet. Reply yes, no or maybe, or send /rsvp {code}",
  "rsvp.told_organizer":
    "{guest} answered for {event}: {answer}{party}.\nSo far: {accepted} coming ({headcount} in all), {declined} not coming, {maybe} maybe, {pending} not answered.",
  "rsvp.told_party": ", {party}",
  "open.not_listed":
    "Thank you, {name}. Your number {phone} is not on the guest list of {event} yet. I have told the organizer, who may let you in; you will get the invitation here if they do.",
  "open.already_asked":
    "Your request to join {event} is with the organizer. You will get the invitation here once they let you in.",
  "open.request_to_organizer":
    "{name} ({phone}) opened the link of {event} but is not on the guest list. To let them in, send: /approve {code} {phone}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.invitations": "/mialiko – mialiko yako, lini na wapi",
  "help.line.rsvp": "/jibu [NAMBA] – jibu mwaliko, au badilisha jibu lako",
  "invitations.none": "Bado huna mialiko. Kama umepata namba ya mwaliko, tuma /start NAMBA.",
  "invitations.header": "Mialiko yako:",
  "invitations.own_code": 'Namba yako binafsi ni {code}: tuma "fungua {code}" kujibu mialiko yako yote kwa pamoja.',
  "invitations.item": "• {event} – {when}, {where}: {status} (kujibu: /jibu {code})",
  "rsvp.status.pending": "bado hujajibu",
  "rsvp.status.accepted": "unakuja",
  "rsvp.status.declined": "hutakuja",
  "rsvp.status.maybe": "labda",
  "invitation.card": "{host} anakualika kwenye {event}.\n🗓 {when}\n📍 {where}\n\nUtakuja?",
  "rsvp.choice.yes": "Ndiyo, nitakuja",
  "rsvp.choice.no": "Hapana, sitaweza",
  "rsvp.choice.maybe": "Labda",
  "rsvp.ask_party":
    "Vizuri sana! Mtakuja watu wangapi kwenye {event} kwa jumla, ukiwemo wewe? Gusa namba, au tuma namba kuanzia 1 hadi {max}.",
  "rsvp.party_invalid":
    "Tafadhali tuma idadi ya watu watakaokuja kwa jumla, ukiwemo wewe: namba kuanzia 1 hadi {max}, kwa mfano 2.",
  "rsvp.answer_invalid": "Tafadhali jibu kwa moja ya machaguo: ndiyo, hapana au labda.",
  "rsvp.check": "Nihakikishe tu: utakuja kwenye {event}?",
  "rsvp.party_too_many":
    "Naweza kuandika watu wasiozidi {max} kwa jibu moja. Kwa kundi kubwa zaidi tafadhali ongea na mratibu; au tuma idadi ya watakaokuja, kuanzia 1 hadi {max}.",
  "rsvp.accepted":
    "Asante, {name}! Unakuja kwenye {event}, {party} kwa jumla.\n🗓 {when}\n📍 {where}\nUnaweza kubadilisha jibu lako kwa /jibu.",
  "rsvp.declined":
    "Asante kwa kutujulisha, {name}. Tunasikitika hutaweza kuja kwenye {event}. Unaweza kubadilisha jibu lako kwa /jibu.",
  "rsvp.maybe": "Nimeandika: labda. Tafadhali jibu ukishajua, wakati wowote kabla ya {event}: /jibu {code}",
  "rsvp.people.one": "mtu 1",
  "rsvp.people.many": "watu {count}",
  "rsvp.unknown_invitation": 'Sikupata mwaliko "{code}" wako. Tuma /mialiko kuona mialiko yako.',
  "rsvp.event_cancelled": "{event} imeghairiwa, kwa hiyo haipokei majibu.",
  "rsvp.event_started": "{event} imeshaanza, kwa hiyo majibu yamefungwa.",
  "rsvp.none_open": "Huna mwaliko wa kujibu kwa sasa. Tuma /mialiko kuona mialiko yako.",
  "rsvp.which": "Jibu lako ni la mwaliko upi?",
  "rsvp.which_invalid": "Tafadhali chagua tukio kwa kitufe (au namba yake).",
  "rsvp.waiting": "• Mwaliko wa {event} ({when}): bado hujajibu. Jibu ndiyo, hapana au labda, au tuma /jibu {code}",
  "rsvp.told_organizer":
    "{guest} amejibu kwa {event}: {answer}{party}.\nHadi sasa: wanaokuja {accepted} (jumla ya watu {headcount}), wasiokuja {declined}, labda {maybe}, hawajajibu {pending}.",
  "rsvp.told_party": ", {party}",
  "open.not_listed":
    "Asante, {name}. Namba yako {phone} bado haiko kwenye orodha ya wageni wa {event}. Nimemjulisha mratibu, anaweza kukuruhusu; ukiruhusiwa utapata mwaliko hapa.",
  "open.already_asked": "Ombi lako la kujiunga na {event} liko kwa mratibu. Utapata mwaliko hapa akikuruhusu.",
  "open.request_to_organizer":
    "{name} ({phone}) amefungua kiungo cha {event} lakini hayuko kwenye orodha ya wageni. Kumruhusu, tuma: /ruhusu {code} {phone}",
};
