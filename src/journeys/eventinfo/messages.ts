// Event information for guests (when, where, the pin, the schedule), what organizers add to it, announcements and
// comments.
export const en = {
  "help.line.info": "/info [CODE] – when and where, the map pin, the schedule and your answer",
  "help.line.comment": "/comment [CODE] text – leave a comment or well-wish on an event",
  "help.line.announce":
    "/announce CODE text – tell every guest who is coming (/announce CODE all text: everyone invited)",
  "help.line.session":
    "/session – add to the schedule step by step, or at once: /session CODE Name 2027-02-13 14:00 2027-02-13 16:00 (or one per line, the place last)",
  "help.line.venue": "/venue CODE – set the venue's map pin: share the location next, or add -6.7924, 39.2083 [| name]",
  "help.line.comments": "/comments CODE – the guests' comments",
  "info.unknown_event":
    'I could not find an event "{code}" of yours. Send /invitations or /events to see your events and their codes.',
  "info.no_event": "You have no upcoming event. Send /invitations to see your invitations.",
  "info.which": "You have several upcoming events; add the event's code. Your codes: {codes}",
  "info.card": "{event}\n🗓 {when}\n📍 {where}",
  "info.schedule": "Schedule:",
  "info.session": "• {when} – {name}{place}",
  "info.session_place": " ({place})",
  "info.your_answer": "Your answer: {answer}. Change it with /rsvp {code}.",
  "info.pin": "Venue",
  "announce.usage":
    "Send the event's code and the announcement, for example: /announce HARUSI-7K2 The ceremony starts at 14:00, not 13:00.",
  "announce.message": "📣 {event}\n{text}\n— {host}",
  "announce.sent": "Sent. Guests reached: {count}.",
  "session.usage":
    "Send the name, start, end and place if any, each on its own line, for example:\n/session HARUSI-7K2\nCeremony\n2027-02-13 14:00\n2027-02-13 15:30\nSt. Joseph's",
  "session.ask_name": "What is this part of the programme of {event} called? For example: Ceremony",
  "session.ask_start": "When does {name} start? For example 2027-02-13 14:00 or kesho saa 8 mchana",
  "session.ask_end": "When does it end? For example 16:00",
  "session.ask_place": 'Where? Send the place, or "no" if it is at the event\'s venue.',
  "session.when_invalid": 'I could not read "{text}" as a date and time. Please send it like 2027-02-13 14:00.',
  "session.ends_first": "The session ends before it starts. Please check the times.",
  "session.added": "Added to the schedule of {event}: {name}, {when}.",
  "venue.usage":
    "Send the venue's pin as latitude, longitude, and its name on the next line if you like, for example:\n/venue HARUSI-7K2 -6.7924, 39.2083\nDiamond Jubilee Hall",
  "venue.ask":
    "Share the location of {event}'s venue (📎 → Location), or send it as latitude, longitude, e.g. -6.7924, 39.2083.",
  "venue.set": "The pin of {event} is set: {link}",
  "comment.usage": "Send your comment after /comment, for example: /comment Hongera sana maharusi!",
  "comment.saved": "Thank you! Your comment on {event} is saved.",
  "comment.too_long": "Please keep your comment under 1,000 characters.",
  "comments.none": "No comments on {event} yet.",
  "comments.header": "Comments on {event}:",
  "comments.item": "• {name}: {text}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.info": "/taarifa [NAMBA] – lini na wapi, ramani, ratiba na jibu lako",
  "help.line.comment": "/toamaoni [NAMBA] maneno – acha maoni au pongezi kwenye tukio",
  "help.line.announce":
    "/tangaza NAMBA maneno – wajulishe wageni wote wanaokuja (/tangaza NAMBA wote maneno: wote walioalikwa)",
  "help.line.session":
    "/kipindi – ongeza kwenye ratiba hatua kwa hatua, au mara moja: /kipindi NAMBA Jina 2027-02-13 14:00 2027-02-13 16:00 (au kila kimoja mstari wake, mahali mwisho)",
  "help.line.venue":
    "/ukumbi NAMBA – weka alama ya ramani ya ukumbi: tuma mahali baadaye, au ongeza -6.7924, 39.2083 [| jina]",
  "help.line.comments": "/maoni NAMBA – maoni ya wageni",
  "info.unknown_event":
    'Sikupata tukio lako lenye namba "{code}". Tuma /mialiko au /matukio kuona matukio yako na namba zake.',
  "info.no_event": "Huna tukio lijalo. Tuma /mialiko kuona mialiko yako.",
  "info.which": "Una matukio kadhaa yajayo; ongeza namba ya tukio. Namba zako: {codes}",
  "info.card": "{event}\n🗓 {when}\n📍 {where}",
  "info.schedule": "Ratiba:",
  "info.session": "• {when} – {name}{place}",
  "info.session_place": " ({place})",
  "info.your_answer": "Jibu lako: {answer}. Libadilishe kwa /jibu {code}.",
  "info.pin": "Ukumbi",
  "announce.usage":
    "Tuma namba ya tukio na tangazo, mfano: /tangaza HARUSI-7K2 Sherehe inaanza saa nane mchana, si saa saba.",
  "announce.message": "📣 {event}\n{text}\n— {host}",
  "announce.sent": "Limetumwa. Wageni waliofikiwa: {count}.",
  "session.usage":
    "Tuma jina, mwanzo, mwisho na mahali kama papo, kila kimoja mstari wake, mfano:\n/kipindi HARUSI-7K2\nIbada\n2027-02-13 14:00\n2027-02-13 15:30\nSt. Joseph's",
  "session.ask_name": "Kipindi hiki cha ratiba ya {event} kinaitwaje? Mfano: Ibada",
  "session.ask_start": "{name} kinaanza lini? Mfano 2027-02-13 14:00 au kesho saa 8 mchana",
  "session.ask_end": "Kinaisha lini? Mfano saa 10 jioni",
  "session.ask_place": 'Wapi? Tuma mahali, au "hapana" kama ni kwenye ukumbi wa tukio.',
  "session.when_invalid": 'Sikuweza kusoma "{text}" kama tarehe na saa. Tafadhali tuma kama 2027-02-13 14:00.',
  "session.ends_first": "Kipindi kinaisha kabla ya kuanza. Tafadhali angalia saa.",
  "session.added": "Kimeongezwa kwenye ratiba ya {event}: {name}, {when}.",
  "venue.usage":
    "Tuma alama ya ukumbi kama latitudo, longitudo, na jina lake mstari unaofuata ukipenda, mfano:\n/ukumbi HARUSI-7K2 -6.7924, 39.2083\nDiamond Jubilee Hall",
  "venue.ask":
    "Tuma mahali ulipo ukumbi wa {event} (📎 → Location), au uandike kama latitudo, longitudo, mfano -6.7924, 39.2083.",
  "venue.set": "Alama ya ramani ya {event} imewekwa: {link}",
  "comment.usage": "Tuma maoni yako baada ya /toamaoni, mfano: /toamaoni Hongera sana maharusi!",
  "comment.saved": "Asante! Maoni yako kwenye {event} yamehifadhiwa.",
  "comment.too_long": "Tafadhali maoni yawe chini ya herufi 1,000.",
  "comments.none": "Bado hakuna maoni kwenye {event}.",
  "comments.header": "Maoni kwenye {event}:",
  "comments.item": "• {name}: {text}",
};
