// What every reader returns: a typed value and how sure the reader is of it. Journeys act on what is sure and ask one
// short question about what is not (docs: README "What people can say").

/** A value read from a message, with the reader's confidence (0..1). */
export interface Reading<T> {
  value: T;
  /** 1: the words say exactly this; >= `sure`: act on it; below: ask before acting */
  confidence: number;
}

/** At or above this, a journey acts on a reading without asking. */
export const sure = 0.8;

export const reading = <T>(value: T, confidence = 1): Reading<T> => ({ value, confidence });

export const isSure = <T>(r: Reading<T> | undefined): r is Reading<T> => r !== undefined && r.confidence >= sure;
