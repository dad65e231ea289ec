// Time as Swahili speakers read it: the day starts at sunrise, so 07:00 is "saa moja asubuhi" (the first hour),
// 10:00 "saa nne asubuhi" and 14:00 "saa nane mchana". "saa 10:00" for a morning event would be read as 4 pm.
const hours = [
  "kumi na mbili",
  "moja",
  "mbili",
  "tatu",
  "nne",
  "tano",
  "sita",
  "saba",
  "nane",
  "tisa",
  "kumi",
  "kumi na moja",
];

/** The part of the day a clock hour (0-23) falls in. */
function partOfDay(hour: number): string {
  if (hour < 4) return "usiku";
  if (hour < 6) return "alfajiri";
  if (hour < 12) return "asubuhi";
  if (hour < 16) return "mchana";
  if (hour < 19) return "jioni";
  return "usiku";
}

/** 10:00 -> "saa nne asubuhi", 14:30 -> "saa nane na nusu mchana", 18:45 -> "saa moja kasoro robo jioni". */
export function swahiliTime(hour: number, minute: number): string {
  const name = (h: number) => hours[(h + 18) % 12]!;
  const part = partOfDay(hour);
  if (minute === 0) return `saa ${name(hour)} ${part}`;
  if (minute === 15) return `saa ${name(hour)} na robo ${part}`;
  if (minute === 30) return `saa ${name(hour)} na nusu ${part}`;
  if (minute === 45) return `saa ${name(hour + 1)} kasoro robo ${part}`;
  return `saa ${name(hour)} na dakika ${minute} ${part}`;
}
