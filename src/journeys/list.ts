// The journeys' shared helpers, by idea: which event a command is about (event-code.ts), how times, places and money
// read (format.ts), and the shapes of reply (replies.ts). Kept as one import for the journeys not yet moved to those.
export { codeOf, organizerEvent, splitCode } from "./event-code.js";
export { fileStem, formatMoney, peopleText, whenText, whereText } from "./format.js";
export { openLinks, rsvpChoices, sendChart, sendList, tidingsOf } from "./replies.js";
