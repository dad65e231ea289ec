// Number words more than one reader needs (money, party sizes, Swahili hours, a poll's position): written once, so a
// spelling added here is read everywhere.

/** Swahili units in their counting form: "elfu tano", "saa tano", "ya tano". */
export const swahiliUnits: Readonly<Record<string, number>> = {
  moja: 1,
  mbili: 2,
  tatu: 3,
  nne: 4,
  tano: 5,
  sita: 6,
  saba: 7,
  nane: 8,
  tisa: 9,
};

/** English one to twenty: "one hundred thousand", "we are three". */
export const englishToTwenty: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
