// An event's life as its organizer runs it: edits, confirming, postponing, cancelling, completing, undoing.
// Kiswahili: "ahirisha" is to postpone (a new date follows), "ghairi" to cancel (it will not happen); the two are
// never mixed, because a guest told "imeahirishwa" waits for a new date.
export const en = {
  "help.line.editevent":
    "/editevent CODE field value – change name, type, when, place, budget, description or timezone (Area/City)",
  "help.line.confirm": "/confirm CODE – confirm the event (from draft)",
  "help.line.postpone":
    "/postpone CODE – move the event to a new date (asks the date; guests coming and booked providers are told)",
  "help.line.cancelevent":
    "/cancelevent CODE – cancel the event (asks first; guests coming and booked providers are told)",
  "help.line.complete": "/complete CODE – mark the event as done (asks first when it has not ended yet)",
  "help.line.undo": "/undo CODE – bring back an event you cancelled or marked as done, within a day",
  "lifecycle.not_allowed":
    "{event} is {from}, so it cannot become {to}. An event goes draft → confirmed → completed, or is cancelled before it is completed.",
  "lifecycle.closed": "{event} is {status}: it cannot be changed any more.",
  "event.status.draft": "a draft",
  "event.status.confirmed": "confirmed",
  "event.status.completed": "completed",
  "event.status.cancelled": "cancelled",
  "lifecycle.confirmed": "{event} is confirmed.",
  "lifecycle.told.none": "Nobody needed to be told.",
  "lifecycle.told.one": "{count} person was told.",
  "lifecycle.told.other": "{count} people were told.",
  "lifecycle.undo_hint": "Changed your mind? Send /undo {code} before {until}.",
  "lifecycle.completed": "{event} is marked as done. Thank you for running it with Nuru! {undo}",
  "lifecycle.complete_ask":
    "{event} has not ended yet ({when}). Mark it as done now? Reminders to guests stop, guests can no longer get their entry pass, and answers can no longer be changed.",
  "lifecycle.complete_yes": "Yes, it is done",
  "lifecycle.complete_no": "No, not yet",
  "lifecycle.complete_kept": "{event} is not marked as done: reminders, passes and answers carry on.",
  "lifecycle.cancel_ask": "Cancel {event}? The guests who are coming and the booked providers will be told.",
  "lifecycle.cancel_yes": "Yes, cancel it",
  "lifecycle.cancel_no": "No, keep it",
  "lifecycle.cancel_kept": "{event} is kept as it is.",
  "lifecycle.cancelled": "{event} is cancelled. {told} {undo}",
  "lifecycle.cancelled_notice": "{event} ({when}) has been cancelled by {host}. We are sorry.",
  "lifecycle.postpone_ask_when":
    'To when do you move {event} (now {when})? Send the new date and time, like 2027-02-20 14:00. If the new date is not known yet, send "not yet known".',
  "lifecycle.postpone_when_unclear":
    'I could not read "{text}" as a date and time. Send it like 2027-02-20 14:00, or "not yet known" if the new date is not decided.',
  "lifecycle.postpone_when_past": "{when} has already passed. Send a date and time still to come.",
  "lifecycle.postpone_ask":
    "Move {event} from {from} to {to}? The guests who are coming or may come and the booked providers will be told; their answers and passes stay valid.",
  "lifecycle.postpone_ask_tba":
    "Postpone {event} ({from}) to a date to be announced? The guests who are coming or may come and the booked providers will be told; their answers stay valid.",
  "lifecycle.postpone_yes": "Yes, move it",
  "lifecycle.postpone_no": "No, keep the date",
  "lifecycle.postpone_kept": "{event} keeps its date.",
  "lifecycle.postponed": "{event} is now on {when}. {told}",
  "lifecycle.postponed_tba": "{event} is postponed; its new date is to be announced (/editevent {code} when …). {told}",
  "lifecycle.postponed_notice":
    "{event} has been postponed by {host}: it is now on {when}. Your answer and your entry pass stay valid. Reply /info for the details.",
  "lifecycle.postponed_tba_notice":
    "{event} has been postponed by {host}. The new date will be announced; your answer stays valid.",
  "lifecycle.undo_none": "You have no event cancelled or marked as done in the last 24 hours.",
  "lifecycle.undo_which": "Which event? Send /undo with its code: {codes}",
  "lifecycle.undo_nothing": "{event} is {status}: there is nothing to undo.",
  "lifecycle.undo_limit":
    "{event} was already brought back once today, and its guests told each time. To change it again, use /postpone or /editevent; /undo works again tomorrow.",
  "lifecycle.undo_expired": "{event} was changed on {since}, more than a day ago, so it can no longer be undone.",
  "lifecycle.undone_cancel": "{event} is back on: it is {status} again. {told}",
  "lifecycle.undone_complete": "{event} is {status} again: reminders, passes and answers work as before.",
  "lifecycle.restored_notice":
    "Good news: {event} ({when}) is on again, {host} has brought it back. Your answer stands. Reply /info for the details.",
  "edit.usage":
    "Send the event's code, what to change and the new value, for example:\n/editevent HARUSI-7K2 when 2027-02-20 14:00\nFields: name, type, when, place, budget, description, timezone (like Africa/Nairobi).",
  "edit.field_invalid": 'I can change name, type, when, place, budget or description; "{field}" is not one of them.',
  "edit.value_invalid": '"{value}" is not a valid {field}. {hint}',
  "edit.hint.when": "Send a date and time in the future, like 2027-02-20 14:00.",
  "edit.hint.budget": "Send an amount like 5,000,000 or 5m.",
  "edit.hint.text": "Send 2 to 120 characters.",
  "edit.hint.zone": "Send a time zone as Area/City, like Africa/Nairobi or Africa/Dar_es_Salaam.",
  "edit.saved": "{event}: {field} is now {value}.",
  "edit.told.none": "No guest who is coming needed to be told.",
  "edit.told.one": "{count} guest who is coming has been told.",
  "edit.told.other": "{count} guests who are coming have been told.",
  "edit.changed_notice": "{event} has changed: {what}. Reply /info for the details.",
  "edit.what.when": "it is now on {when}",
  "edit.what.place": "it is now at {where}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.editevent":
    "/haririmatukio NAMBA kipengele thamani – badilisha jina, aina, lini, mahali, bajeti, maelezo au ukanda wa saa (Eneo/Mji)",
  "help.line.confirm": "/thibitisha NAMBA – thibitisha tukio (kutoka rasimu)",
  "help.line.postpone":
    "/ahirisha NAMBA – sogeza tukio hadi tarehe mpya (nitauliza tarehe; wageni wanaokuja na watoa huduma waliowekwa watajulishwa)",
  "help.line.cancelevent":
    "/ghairi NAMBA – ghairi tukio (nitauliza kwanza; wageni wanaokuja na watoa huduma waliowekwa watajulishwa)",
  "help.line.complete": "/hitimisha NAMBA – weka tukio kuwa limekamilika (nitauliza kwanza kama bado halijaisha)",
  "help.line.undo": "/tengua NAMBA – rudisha tukio uliloghairi au kuhitimisha, ndani ya siku moja",
  "lifecycle.not_allowed":
    "{event} iko katika hali ya {from}, kwa hiyo haiwezi kuwa {to}. Tukio linaenda rasimu → limethibitishwa → limekamilika, au linaghairiwa kabla ya kukamilika.",
  "lifecycle.closed": "{event} iko katika hali ya {status}: haiwezi kubadilishwa tena.",
  "event.status.draft": "rasimu",
  "event.status.confirmed": "imethibitishwa",
  "event.status.completed": "imekamilika",
  "event.status.cancelled": "imeghairiwa",
  "lifecycle.confirmed": "{event} imethibitishwa.",
  "lifecycle.told.none": "Hakuna aliyehitaji kujulishwa.",
  "lifecycle.told.one": "Mtu {count} amejulishwa.",
  "lifecycle.told.other": "Watu {count} wamejulishwa.",
  "lifecycle.undo_hint": "Umebadili nia? Tuma /tengua {code} kabla ya {until}.",
  "lifecycle.completed": "{event} imewekwa kuwa imekamilika. Asante kwa kuiendesha na Nuru! {undo}",
  "lifecycle.complete_ask":
    "{event} bado haijaisha ({when}). Uiweke kuwa imekamilika sasa? Vikumbusho kwa wageni vitasimama, wageni hawataweza kupata pasi ya kuingilia, na majibu hayataweza kubadilishwa tena.",
  "lifecycle.complete_yes": "Ndiyo, imekamilika",
  "lifecycle.complete_no": "Hapana, bado",
  "lifecycle.complete_kept": "{event} haijawekwa kuwa imekamilika: vikumbusho, pasi na majibu vinaendelea.",
  "lifecycle.cancel_ask": "Ughairi {event}? Wageni wanaokuja na watoa huduma waliowekwa watajulishwa.",
  "lifecycle.cancel_yes": "Ndiyo, ighairi",
  "lifecycle.cancel_no": "Hapana, iache",
  "lifecycle.cancel_kept": "{event} imeachwa kama ilivyo.",
  "lifecycle.cancelled": "{event} imeghairiwa. {told} {undo}",
  "lifecycle.cancelled_notice": "{event} ({when}) imeghairiwa na {host}. Tunasikitika.",
  "lifecycle.postpone_ask_when":
    'Unaisogeza {event} (sasa ni {when}) hadi lini? Tuma tarehe na saa mpya, kama 2027-02-20 14:00 au "Jumamosi ijayo saa nane mchana". Kama tarehe mpya bado haijajulikana, tuma "bado haijulikani".',
  "lifecycle.postpone_when_unclear":
    'Sijaweza kusoma "{text}" kama tarehe na saa. Tuma kama 2027-02-20 14:00, au "bado haijulikani" kama tarehe mpya haijapangwa.',
  "lifecycle.postpone_when_past": "{when} imeshapita. Tuma tarehe na saa ijayo.",
  "lifecycle.postpone_ask":
    "Uisogeze {event} kutoka {from} hadi {to}? Wageni wanaokuja au huenda wakaja na watoa huduma waliowekwa watajulishwa; majibu yao na pasi zao zinabaki halali.",
  "lifecycle.postpone_ask_tba":
    "Uiahirishe {event} ({from}) hadi tarehe itakayotangazwa baadaye? Wageni wanaokuja au huenda wakaja na watoa huduma waliowekwa watajulishwa; majibu yao yanabaki halali.",
  "lifecycle.postpone_yes": "Ndiyo, isogeze",
  "lifecycle.postpone_no": "Hapana, tarehe ibaki",
  "lifecycle.postpone_kept": "{event} inabaki na tarehe yake.",
  "lifecycle.postponed": "{event} sasa itakuwa {when}. {told}",
  "lifecycle.postponed_tba": "{event} imeahirishwa; tarehe mpya itatangazwa (/haririmatukio {code} lini …). {told}",
  "lifecycle.postponed_notice":
    "{event} imeahirishwa na {host}: sasa itakuwa {when}. Jibu lako na pasi yako ya kuingilia bado ni halali. Jibu /taarifa kwa maelezo.",
  "lifecycle.postponed_tba_notice":
    "{event} imeahirishwa na {host}. Tarehe mpya itatangazwa; jibu lako bado ni halali.",
  "lifecycle.undo_none": "Huna tukio uliloghairi au kuhitimisha ndani ya saa 24 zilizopita.",
  "lifecycle.undo_which": "Tukio lipi? Tuma /tengua pamoja na namba yake: {codes}",
  "lifecycle.undo_nothing": "{event} iko katika hali ya {status}: hakuna cha kutengua.",
  "lifecycle.undo_limit":
    "{event} imesharudishwa mara moja leo, na wageni wamejulishwa kila mara. Kuibadilisha tena, tumia /ahirisha au /hariritukio; /tengua itafanya kazi tena kesho.",
  "lifecycle.undo_expired":
    "{event} ilibadilishwa {since}, zaidi ya siku moja iliyopita, kwa hiyo haiwezi kutenguliwa tena.",
  "lifecycle.undone_cancel": "{event} imerudi: iko katika hali ya {status} tena. {told}",
  "lifecycle.undone_complete":
    "{event} iko katika hali ya {status} tena: vikumbusho, pasi na majibu vinafanya kazi kama awali.",
  "lifecycle.restored_notice":
    "Habari njema: {event} ({when}) itafanyika tena, {host} ameirudisha. Jibu lako bado lipo. Jibu /taarifa kwa maelezo.",
  "edit.usage":
    "Tuma namba ya tukio, unachobadilisha na thamani mpya, mfano:\n/haririmatukio HARUSI-7K2 lini 2027-02-20 14:00\nVipengele: jina, aina, lini, mahali, bajeti, maelezo, ukanda (kama Africa/Nairobi).",
  "edit.field_invalid": 'Ninaweza kubadilisha jina, aina, lini, mahali, bajeti au maelezo; "{field}" si mojawapo.',
  "edit.value_invalid": '"{value}" si {field} sahihi. {hint}',
  "edit.hint.when": "Tuma tarehe na saa ijayo, kama 2027-02-20 14:00.",
  "edit.hint.budget": "Tuma kiasi kama 5,000,000 au milioni 5.",
  "edit.hint.text": "Tuma herufi 2 hadi 120.",
  "edit.hint.zone": "Tuma ukanda wa saa kama Eneo/Mji, kama Africa/Nairobi au Africa/Dar_es_Salaam.",
  "edit.saved": "{event}: {field} sasa ni {value}.",
  "edit.told.none": "Hakuna mgeni anayekuja aliyehitaji kujulishwa.",
  "edit.told.one": "Mgeni {count} anayekuja amejulishwa.",
  "edit.told.other": "Wageni {count} wanaokuja wamejulishwa.",
  "edit.changed_notice": "{event} imebadilika: {what}. Jibu /taarifa kwa maelezo.",
  "edit.what.when": "sasa ni {when}",
  "edit.what.place": "sasa ni mahali {where}",
};
