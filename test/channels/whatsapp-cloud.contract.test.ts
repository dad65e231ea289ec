// The shared channel contract, run against the WhatsApp Cloud API adapter over the fake Meta.
import { runChannelContract } from "../contract/channel-contract.js";
import { cloudHarness } from "../fakes/whatsapp-cloud-harness.js";

runChannelContract("whatsapp cloud api (webhook)", cloudHarness);
