// First contact with someone whose name we do not know: ask it, check it, save it.
import { act, reply, type Flow } from "./types.js";

declare module "./types.js" {
  interface ActionTypes {
    /** the name the person gave */
    setUserName: { input: { name: string }; result: { name: string } };
  }
}

export interface OnboardingState {
  step: "name";
}

/** 2-60 characters of letters (any script), spaces, apostrophes, dots and hyphens, starting with a letter. */
export function parsePersonName(raw: string): string | undefined {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length < 2 || name.length > 60) return undefined;
  if (!/^\p{L}[\p{L}\p{M} .'’-]*$/u.test(name)) return undefined;
  return name;
}

export const onboardingFlow: Flow<OnboardingState, void> = {
  name: "onboarding",
  version: 1,
  start: () => ({ state: { step: "name" }, effects: [reply("welcome.new")] }),
  handle(state, input) {
    const name = input.kind === "text" ? parsePersonName(input.text) : undefined;
    if (!name) return { state, effects: [reply("onboarding.name_invalid")] };
    return {
      state: null,
      effects: [act("setUserName", { name }, (r) => ({ effects: [reply("welcome.named", { name: r.name })] }))],
    };
  },
};
