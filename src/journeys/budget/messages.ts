// The event's budget: expenses and bookings against what the organizer set aside.
export const en = {
  "help.line.expense":
    "/expense – add an expense step by step, or at once: /expense HARUSI-7K2 Cake 500k 200k (title, cost, paid; or one per line)",
  "help.line.budget": "/budget CODE – planned and paid against the event's budget, bookings included",
  "expense.usage":
    "Send the event's code, what it is, its cost and what is paid if any, each on its own line:\n/expense HARUSI-7K2\nCake\n500,000\n200,000\nor in one line: /expense HARUSI-7K2 Cake 500,000 200,000",
  "expense.ask_title": "What is the expense for {event}? For example: Flowers",
  "expense.ask_cost": "How much is {title}? For example 300,000 or 300k",
  "expense.amount_invalid": '"{text}" is not an amount; send it like 500,000, 500k or 500 elfu.',
  "expense.paid_over_cost": "What is paid cannot be more than the cost.",
  "amount.too_large":
    "That amount is too large: Nuru keeps amounts up to 999,999,999,999.99. Please send a smaller one.",
  "expense.added": "Added to the budget of {event}: {title}, {cost} ({paid} paid). Planned now {planned}{over}.",
  "budget.over": " – over the budget of {budget} by {by}",
  "budget.header": "Budget of {event}:\nPlanned {planned}, paid {paid}, budget {budget}.",
  "budget.no_budget": "not set",
  "budget.item": "• {title}: {cost} ({paid} paid)",
  "budget.booking": "• {name} (booking): {cost} ({paid} paid)",
  "budget.none": "No expenses or bookings in the budget of {event} yet. Add one with /expense {code} Title | cost.",
  "budget.warning": "⚠️ The plan is over the budget by {by}.",
  "budget.status.pending": "not paid",
  "budget.status.paid": "paid",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.expense":
    "/gharama – ongeza gharama hatua kwa hatua, au mara moja: /gharama HARUSI-7K2 Keki 500k 200k (kichwa, gharama, kilicholipwa; au kila kimoja mstari wake)",
  "help.line.budget": "/bajeti NAMBA – mpango na malipo dhidi ya bajeti ya tukio, pamoja na huduma",
  "expense.usage":
    "Tuma namba ya tukio, ni nini, gharama yake na kilicholipwa kama kipo, kila kimoja mstari wake:\n/gharama HARUSI-7K2\nKeki\n500,000\n200,000\nau kwa mstari mmoja: /gharama HARUSI-7K2 Keki 500,000 200,000",
  "expense.ask_title": "Gharama ya nini kwa {event}? Mfano: Maua",
  "expense.ask_cost": "Kiasi gani kwa {title}? Mfano 300,000 au 300k",
  "expense.amount_invalid": '"{text}" si kiasi; tuma kama 500,000, 500k au elfu 500.',
  "expense.paid_over_cost": "Kilicholipwa hakiwezi kuzidi gharama.",
  "amount.too_large":
    "Kiasi hicho ni kikubwa mno: Nuru inahifadhi kiasi hadi 999,999,999,999.99. Tafadhali tuma kiasi kidogo zaidi.",
  "expense.added":
    "Imeongezwa kwenye bajeti ya {event}: {title}, {cost} ({paid} zimelipwa). Mpango sasa ni {planned}{over}.",
  "budget.over": " – umezidi bajeti ya {budget} kwa {by}",
  "budget.header": "Bajeti ya {event}:\nMpango {planned}, zilizolipwa {paid}, bajeti {budget}.",
  "budget.no_budget": "haijawekwa",
  "budget.item": "• {title}: {cost} ({paid} zimelipwa)",
  "budget.booking": "• {name} (huduma): {cost} ({paid} zimelipwa)",
  "budget.none":
    "Bado hakuna gharama wala huduma kwenye bajeti ya {event}. Ongeza kwa /gharama {code} Kichwa | gharama.",
  "budget.warning": "⚠️ Mpango umezidi bajeti kwa {by}.",
  "budget.status.pending": "haijalipwa",
  "budget.status.paid": "imelipwa",
};
