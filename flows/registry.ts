// Every flow the engine can run, by name. Adding a flow = one file + one line here.
import { claimFlow } from "./claim.flow.js";
import { languageFlow } from "./language.flow.js";
import { onboardingFlow } from "./onboarding.flow.js";
import type { Flow } from "./types.js";

export const flows: Record<string, Flow<any>> = {
  [onboardingFlow.name]: onboardingFlow,
  [languageFlow.name]: languageFlow,
  [claimFlow.name]: claimFlow,
};
