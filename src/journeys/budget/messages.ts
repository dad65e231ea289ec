// The event's budget: expenses and bookings against what the organizer set aside.
export const en = {
  "help.line.expense": "/expense CODE Title | cost [| paid] – add an expense, e.g. /expense HARUSI-7K2 Cake | 500k | 200k",
  "help.line.budget": "/budget CODE – planned and paid against the event's budget, bookings included",
  "expense.usage": "Send the event's code, what it is, its cost and what is paid if any, for example:\n/expense HARUSI-7K2 Cake | 500,000 | 200,000",
  "expense.amount_invalid": "\"{text}\" is not an amount; send it like 500,000, 500k or 500 elfu.",
  "expense.paid_over_cost": "What is paid cannot be more than the cost.",
  "expense.added": "Added to the budget of {event}: {title}, {cost} ({paid} paid). Planned now {planned}{over}.",
  "budget.over": " – over the budget of {budget} by {by}",
  "budget.header": "Budget of {event}:\nPlanned {planned}, paid {paid}, budget {budget}.",
  "budget.no_budget": "not set",
  "budget.item": "• {title}: {cost} ({paid} paid)",
  "budget.booking": "• {name} (booking): {cost} ({paid} paid)",
  "budget.none": "No expenses or bookings in the budget of {event} yet. Add one with /expense {code} Title | cost.",
  "budget.warning": "⚠️ The plan is over the budget by {by}.",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.expense": "/gharama NAMBA Kichwa | gharama [| kilicholipwa] – ongeza gharama, mfano /gharama HARUSI-7K2 Keki | elfu 500 | elfu 200",
  "help.line.budget": "/bajeti NAMBA – mpango na malipo dhidi ya bajeti ya tukio, pamoja na huduma",
  "expense.usage": "Tuma namba ya tukio, ni nini, gharama yake na kilicholipwa kama kipo, mfano:\n/gharama HARUSI-7K2 Keki | 500,000 | 200,000",
  "expense.amount_invalid": "\"{text}\" si kiasi; tuma kama 500,000, 500k au elfu 500.",
  "expense.paid_over_cost": "Kilicholipwa hakiwezi kuzidi gharama.",
  "expense.added": "Imeongezwa kwenye bajeti ya {event}: {title}, {cost} ({paid} zimelipwa). Mpango sasa ni {planned}{over}.",
  "budget.over": " – umezidi bajeti ya {budget} kwa {by}",
  "budget.header": "Bajeti ya {event}:\nMpango {planned}, zilizolipwa {paid}, bajeti {budget}.",
  "budget.no_budget": "haijawekwa",
  "budget.item": "• {title}: {cost} ({paid} zimelipwa)",
  "budget.booking": "• {name} (huduma): {cost} ({paid} zimelipwa)",
  "budget.none": "Bado hakuna gharama wala huduma kwenye bajeti ya {event}. Ongeza kwa /gharama {code} Kichwa | gharama.",
  "budget.warning": "⚠️ Mpango umezidi bajeti kwa {by}.",
};
