// Disputes about bookings: raised by either side, handled by admins, both sides told of every change.
export const en = {
  "help.line.dispute": "/dispute BOOKING what went wrong – ask an admin to step in",
  "help.line.disputes": "/disputes – open disputes (admins)",
  "help.line.take": "/take DISPUTE – take a dispute (admins)",
  "help.line.resolve": "/resolve DISPUTE resolution – resolve it (admins)",
  "dispute.usage": "Send the booking's reference and what went wrong: /dispute B-7K2QX The MC arrived two hours late",
  "dispute.unknown_booking": 'I could not find a booking "{code}" of yours. Send /bookings to see yours.',
  "dispute.raised": "Dispute {code} is with our admins; you will be told of every change.",
  "dispute.notice_other": "{name} raised dispute {code} about {service} at {event}: {text}. An admin will handle it.",
  "dispute.notice_admin": "New dispute {code}: {name} about {service} at {event}: {text}. Take it: /take {code}",
  "dispute.unknown": 'I could not find a dispute "{code}" for you to handle.',
  "dispute.closed": "Dispute {code} is already resolved.",
  "disputes.none": "No open disputes.",
  "disputes.header": "Open disputes:",
  "disputes.item": "• {code} {service} at {event}, raised by {name}: {text}{taken}",
  "disputes.taken": " (taken)",
  "disputes.not_admin":
    "Only Nuru's admins handle disputes. To raise one about a booking: /dispute BOOKING what went wrong",
  "dispute.taken": "You took {code}. Resolve it with /resolve {code} the resolution",
  "dispute.notice_taken": "{admin} (Nuru) is handling dispute {code} about {service} at {event}.",
  "dispute.resolve_usage": "Send the dispute's reference and the resolution: /resolve D-7K2QX Deposit refunded in full",
  "dispute.resolved": "{code} is resolved.",
  "dispute.notice_resolved": "Dispute {code} about {service} at {event} is resolved: {resolution}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.dispute": "/lalamiko ODA kilichoharibika – omba msimamizi aingilie",
  "help.line.disputes": "/malalamiko – malalamiko yaliyo wazi (wasimamizi)",
  "help.line.take": "/chukua LALAMIKO – chukua lalamiko (wasimamizi)",
  "help.line.resolve": "/suluhisha LALAMIKO suluhisho – lisuluhishe (wasimamizi)",
  "dispute.usage": "Tuma kumbukumbu ya oda na kilichoharibika: /lalamiko B-7K2QX MC alichelewa saa mbili",
  "dispute.unknown_booking": 'Sikupata oda "{code}" yako. Tuma /oda kuona zako.',
  "dispute.raised": "Lalamiko {code} liko kwa wasimamizi wetu; utajulishwa kila mabadiliko.",
  "dispute.notice_other":
    "{name} amewasilisha lalamiko {code} kuhusu {service} kwenye {event}: {text}. Msimamizi atalishughulikia.",
  "dispute.notice_admin":
    "Lalamiko jipya {code}: {name} kuhusu {service} kwenye {event}: {text}. Lichukue: /chukua {code}",
  "dispute.unknown": 'Sikupata lalamiko "{code}" la wewe kushughulikia.',
  "dispute.closed": "Lalamiko {code} tayari limesuluhishwa.",
  "disputes.none": "Hakuna malalamiko yaliyo wazi.",
  "disputes.header": "Malalamiko yaliyo wazi:",
  "disputes.item": "• {code} {service} kwenye {event}, na {name}: {text}{taken}",
  "disputes.taken": " (limechukuliwa)",
  "disputes.not_admin":
    "Wasimamizi wa Nuru pekee ndio hushughulikia malalamiko. Kuwasilisha kuhusu oda: /lalamiko ODA kilichoharibika",
  "dispute.taken": "Umechukua {code}. Lisuluhishe kwa /suluhisha {code} suluhisho",
  "dispute.notice_taken": "{admin} (Nuru) anashughulikia lalamiko {code} kuhusu {service} kwenye {event}.",
  "dispute.resolve_usage": "Tuma kumbukumbu ya lalamiko na suluhisho: /suluhisha D-7K2QX Amana imerudishwa yote",
  "dispute.resolved": "{code} limesuluhishwa.",
  "dispute.notice_resolved": "Lalamiko {code} kuhusu {service} kwenye {event} limesuluhishwa: {resolution}",
};
