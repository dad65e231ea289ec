// Exports: the organizer's lists as spreadsheet files in the chat.
export const en = {
  "help.line.export": "/export CODE guests|contributions|budget|tasks – the list as a spreadsheet file (CSV)",
  "export.usage": "Say which list: /export {code} guests, contributions, budget or tasks.",
  "export.sent": "{event}: {list}, {count} rows. Opens in Excel, Google Sheets or Numbers; times are in {zone}.",
  "export.list.guests": "guests",
  "export.list.contributions": "contributions",
  "export.list.budget": "budget",
  "export.list.tasks": "tasks",
  "export.head.guests": "Name|Phone|Answer|People coming|Answered at|Invitation code",
  "export.head.contributions": "Name|Phone|Kind|Pledged|Paid|Currency|Message|Date|Reference",
  "export.head.budget": "Item|From|Planned|Paid|Status|Currency",
  "export.head.tasks": "Reference|Task|Status|Given to|Phone|Due",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.export": "/pakua NAMBA wageni|michango|bajeti|kazi – orodha kama faili la jedwali (CSV)",
  "export.usage": "Sema orodha ipi: /pakua {code} wageni, michango, bajeti au kazi.",
  "export.sent": "{event}: {list}, safu {count}. Hufunguka kwa Excel, Google Sheets au Numbers; saa ni za {zone}.",
  "export.list.guests": "wageni",
  "export.list.contributions": "michango",
  "export.list.budget": "bajeti",
  "export.list.tasks": "kazi",
  "export.head.guests": "Jina|Simu|Jibu|Watu wanaokuja|Alijibu lini|Namba ya mwaliko",
  "export.head.contributions": "Jina|Simu|Aina|Ahadi|Imelipwa|Sarafu|Ujumbe|Tarehe|Kumbukumbu",
  "export.head.budget": "Kipengele|Kutoka|Bajeti|Imelipwa|Hali|Sarafu",
  "export.head.tasks": "Kumbukumbu|Kazi|Hali|Amepewa|Simu|Mwisho",
};
