// "/venue CODE" with no coordinates: the organizer shares the venue's location (WhatsApp 📎 → Location, Telegram
// 📎 → Location) or types latitude, longitude; it becomes the pin guests get with /info.
import { reply, act, type Flow } from "./types.js";

export interface VenueState {
  code: string;
  event: string;
}

declare module "./types.js" {
  interface ActionTypes {
    /** sets the event's venue pin; the result is the map link shown back */
    setVenue: {
      input: { code: string; latitude: number; longitude: number; name?: string };
      result: { event: string; link: string };
    };
  }
}

/** "-6.7924, 39.2083" -> the pin; undefined when it is not a place on Earth. */
export function parseLatLng(text: string): { latitude: number; longitude: number } | undefined {
  const m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[, ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? { latitude, longitude } : undefined;
}

export const venueFlow: Flow<VenueState, VenueState> = {
  name: "venue",
  version: 1,
  start: (_context, args) => ({ state: args, effects: [reply("venue.ask", { event: args.event })] }),
  handle(state, input) {
    const pin =
      input.kind === "location"
        ? { latitude: input.latitude, longitude: input.longitude, ...(input.name ? { name: input.name } : {}) }
        : input.kind === "text"
          ? parseLatLng(input.text)
          : undefined;
    if (!pin) return { state, effects: [reply("venue.ask", { event: state.event })] };
    return {
      state: null,
      effects: [
        act<"setVenue", VenueState>("setVenue", { code: state.code, ...pin }, (r) => ({
          effects: [reply("venue.set", r)],
        })),
      ],
    };
  },
};
