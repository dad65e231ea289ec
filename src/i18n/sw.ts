// Kiswahili catalogue: the same keys as en.ts (enforced by the type below).
import type { EngineMessageKey } from "./en.js";

export const sw: Record<EngineMessageKey, string> = {
  "unknown.input": 'Samahani, sijaelewa "{text}". Tuma /msaada kuona unachoweza kufanya.',
  "unknown.waiting":
    'Sijaelewa vizuri "{text}". Hiki kinakusubiri:\n{lines}\nAu tuma /msaada kuona yote unayoweza kufanya.',
  "unknown.suggest_waiting":
    'Samahani, sijaelewa "{text}". Labda unatafuta:\n{lines}\nKinachokusubiri:\n{waiting}\nTuma /msaada kuona yote unayoweza kufanya.',
  "unknown.suggest":
    'Samahani, sijaelewa "{text}". Labda unatafuta:\n{lines}\nTuma /msaada kuona yote unayoweza kufanya.',
  "understand.poll_which": "Unamaanisha jibu lipi? Gusa jibu lako:",
  "understand.poll_which_poll": "Una kura zaidi ya moja zilizo wazi; gusa jibu lako kwenye kura unayoimaanisha:",
  "unknown.media": "Asante! Siwezi kufanya chochote na hicho hapa kwa sasa. Tuma /msaada kuona unachoweza kufanya.",
  "inbound.too_long":
    "Ujumbe wako ni mrefu mno kwangu (herufi {length}; ninasoma hadi {max}). Tafadhali utume kwa sehemu fupi.",
  "inbound.unstorable":
    "Samahani, sikuweza kusoma ujumbe wako wa mwisho. Tafadhali utume tena kama maandishi ya kawaida.",
  "inbound.unsupported":
    "Siwezi kusoma aina hiyo ya ujumbe. Tafadhali uandike kama maandishi (au tuma /msaada kuona ninachoweza kufanya).",
  "choice.expired": "Kitufe hicho ni cha swali la awali. Tuma /msaada kuanza upya.",

  "conversation.expired": "Mazungumzo yetu ya awali yamepitwa na muda, tuanze upya.",
  "conversation.upgraded": "Nuru imesasishwa na nimepoteza tulichokuwa tukifanya, samahani. Tafadhali anza upya.",

  "when.unknown": "tarehe itatangazwa",
  "where.unknown": "mahali patatangazwa",

  "error.generic": "Samahani, kuna hitilafu upande wetu. Tafadhali jaribu tena baada ya muda mfupi.",
  "error.too_many_failures": 'Samahani, sikuweza kushughulikia ujumbe wako "{text}". Timu yetu imearifiwa.',
};
