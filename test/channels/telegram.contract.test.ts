// The shared channel contract, run against the Telegram adapter both ways it can receive updates.
import { runChannelContract } from "../contract/channel-contract.js";
import { pollingHarness, webhookHarness } from "../fakes/telegram-harness.js";

runChannelContract("telegram (long polling)", pollingHarness);
runChannelContract("telegram (webhook)", webhookHarness);
