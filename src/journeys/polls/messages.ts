// Polls: the organizer asks the guests who are coming, guests vote with a tap (a native poll on WhatsApp).
export const en = {
  "help.line.poll": "/poll – ask the guests who are coming: the question, then each option on its own line (2 to 10)",
  "help.line.results": "/results POLL – votes per option, and who has not voted",
  "help.line.closepoll":
    "/closepoll POLL [time] – close a poll now (voters are told the result), or at a time: /closepoll P-7K2Q kesho 18:00",
  "help.line.polls": "/polls – the open polls of your events, to vote",
  "poll.usage":
    "Send the event's code, the question and 2 to 10 options, each on its own line, for example:\n/poll HARUSI-7K2\nWhich dish?\nPilau\nBiryani",
  "poll.ask_question": "What do you want to ask the guests of {event}? For example: Which dish?",
  "poll.ask_options": "The options, each on its own line (2 to 10):",
  "poll.option_count": "A poll needs {min} to {max} options; you gave {count}.",
  "poll.option_twice": "Two of the options are the same; give each option once.",
  "poll.too_long": "Keep the question under 255 characters and each option under 100.",
  "poll.opened":
    'Poll {code} is open: "{question}". Guests coming who got it: {count}. Votes: /results {code}; close it: /closepoll {code}',
  "poll.ask": "📊 {event}: {question}\nTap your answer; you can change it until the poll closes.",
  "poll.voted": "Thank you! Your vote: {option}. You can change it until the poll closes.",
  "poll.changed": "Your vote is now: {option}.",
  "poll.closed": 'The poll "{question}" is closed, so it takes no more votes.',
  "poll.unknown": 'I could not find a poll "{code}" for you. Send /polls to see the open polls of your events.',
  "poll.unknown_option": "Please choose one of the {count} options.",
  "poll.results_header": "📊 {question} ({code}){closed}\nVotes: {total}",
  "poll.results_item": "{position}. {text}: {count}",
  "poll.results_not_voted": "Coming but not voted yet ({count}): {names}",
  "poll.closed_mark": ", closed",
  "poll.closed_result": 'The poll "{question}" of {event} is closed. Result:\n{lines}',
  "poll.closed_done": "Poll {code} is closed; {count} voters have been told the result.",
  "poll.closes_set":
    "Poll {code} closes {when}. Guests who have not voted are reminded 3 hours before; everyone who voted is told the result.",
  "poll.closes_invalid":
    '"{text}" is not a time in the future. Send it like /closepoll {code} 2027-02-12 18:00 or kesho 18:00.',
  "polls.none": "There are no open polls in your events right now.",
  "poll.your_vote": "Your vote so far: {option}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.poll": "/kura – uliza wageni wanaokuja: swali, kisha kila chaguo mstari wake (machaguo 2 hadi 10)",
  "help.line.results": "/matokeo KURA – kura kwa kila chaguo, na ambao hawajapiga kura",
  "help.line.closepoll":
    "/fungakura KURA [muda] – funga kura sasa (waliopiga kura wanajulishwa matokeo), au kwa muda: /fungakura P-7K2Q kesho 18:00",
  "help.line.polls": "/kurazangu – kura zilizo wazi za matukio yako, upige kura",
  "poll.usage":
    "Tuma namba ya tukio, swali na machaguo 2 hadi 10, kila moja mstari wake, mfano:\n/kura HARUSI-7K2\nChakula gani?\nPilau\nBiryani",
  "poll.ask_question": "Unataka kuwauliza wageni wa {event} nini? Mfano: Chakula gani?",
  "poll.ask_options": "Machaguo, kila moja mstari wake (2 hadi 10):",
  "poll.option_count": "Kura inahitaji machaguo {min} hadi {max}; umetoa {count}.",
  "poll.option_twice": "Machaguo mawili yanafanana; toa kila chaguo mara moja.",
  "poll.too_long": "Swali liwe chini ya herufi 255 na kila chaguo chini ya 100.",
  "poll.opened":
    'Kura {code} iko wazi: "{question}". Imetumwa kwa wageni {count} wanaokuja. Matokeo: /matokeo {code}; kuifunga: /fungakura {code}',
  "poll.ask": "📊 {event}: {question}\nGusa jibu lako; unaweza kulibadilisha hadi kura itakapofungwa.",
  "poll.voted": "Asante! Kura yako: {option}. Unaweza kuibadilisha hadi kura itakapofungwa.",
  "poll.changed": "Kura yako sasa ni: {option}.",
  "poll.closed": 'Kura "{question}" imefungwa, kwa hiyo haipokei kura zaidi.',
  "poll.unknown": 'Sikupata kura "{code}" yako. Tuma /kurazangu kuona kura zilizo wazi za matukio yako.',
  "poll.unknown_option": "Tafadhali chagua moja ya machaguo {count}.",
  "poll.results_header": "📊 {question} ({code}){closed}\nKura {total}:",
  "poll.results_item": "{position}. {text}: {count}",
  "poll.results_not_voted": "Wanakuja lakini hawajapiga kura ({count}): {names}",
  "poll.closed_mark": ", imefungwa",
  "poll.closed_result": 'Kura "{question}" ya {event} imefungwa. Matokeo:\n{lines}',
  "poll.closed_done": "Kura {code} imefungwa; waliopiga kura {count} wamejulishwa matokeo.",
  "poll.closes_set":
    "Kura {code} itafungwa {when}. Wageni ambao hawajapiga kura watakumbushwa saa 3 kabla; waliopiga kura wote watajulishwa matokeo.",
  "poll.closes_invalid": '"{text}" si muda ujao. Tuma kama /fungakura {code} 2027-02-12 18:00 au kesho 18:00.',
  "polls.none": "Hakuna kura zilizo wazi kwenye matukio yako kwa sasa.",
  "poll.your_vote": "Kura yako hadi sasa: {option}",
};
