// Chart titles and labels (the pictures /guests, /results, /budget and /contributions send), in the reader's language.
export const en = {
  "chart.guests": "{event} – answers",
  "chart.guests.sub": "{people} people coming",
  "chart.results.sub": "{total} votes",
  "chart.budget": "{event} – budget",
  "chart.budget.budget": "Budget",
  "chart.budget.planned": "Planned",
  "chart.budget.paid": "Paid",
  "chart.contributions": "{event} – contributions",
  "chart.contributions.pledged": "Pledged",
  "chart.contributions.paid": "Paid",
  "chart.contributions.outstanding": "Outstanding",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "chart.guests": "{event} – majibu",
  "chart.guests.sub": "watu {people} wanakuja",
  "chart.results.sub": "kura {total}",
  "chart.budget": "{event} – bajeti",
  "chart.budget.budget": "Bajeti",
  "chart.budget.planned": "Iliyopangwa",
  "chart.budget.paid": "Imelipwa",
  "chart.contributions": "{event} – michango",
  "chart.contributions.pledged": "Ahadi",
  "chart.contributions.paid": "Imelipwa",
  "chart.contributions.outstanding": "Imebaki",
};
