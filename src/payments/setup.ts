// The payments service from configuration: which providers are configured, and whether the sandbox plays the phone.
import { ConfigError } from "../config.js";
import type { JourneyService, JourneyServiceDeps } from "../journeys/journey.js";
import { createAzamPayProvider } from "./azampay.js";
import { createMpesaProvider } from "./mpesa.js";
import type { PaymentProvider } from "./provider.js";
import { createSandboxProvider } from "./sandbox.js";
import { createPayments } from "./service.js";

/** All of a provider's settings or none: half a configuration would fail on the first payer's phone, not at start. */
function complete(config: Record<string, unknown>, names: string[], provider: string): boolean {
  const set = names.filter((n) => config[n] !== undefined);
  if (set.length && set.length < names.length) {
    throw new ConfigError(
      `Invalid configuration: ${provider} needs ${names.filter((n) => config[n] === undefined).join(", ")} as well as ${set.join(", ")}`,
    );
  }
  return set.length === names.length;
}

export function paymentsFromConfig(deps: JourneyServiceDeps): JourneyService {
  const { config } = deps;
  const providers: PaymentProvider[] = [];
  if (complete(config, ["MPESA_CONSUMER_KEY", "MPESA_CONSUMER_SECRET", "MPESA_SHORTCODE", "MPESA_PASSKEY"], "M-Pesa")) {
    providers.push(
      createMpesaProvider({
        consumerKey: config.MPESA_CONSUMER_KEY!,
        consumerSecret: config.MPESA_CONSUMER_SECRET!,
        shortcode: config.MPESA_SHORTCODE!,
        passkey: config.MPESA_PASSKEY!,
        apiRoot: config.MPESA_API_ROOT,
        ...(config.MPESA_TILL ? { transactionType: "CustomerBuyGoodsOnline", partyB: config.MPESA_TILL } : {}),
      }),
    );
  }
  if (
    complete(
      config,
      ["AZAMPAY_APP_NAME", "AZAMPAY_CLIENT_ID", "AZAMPAY_CLIENT_SECRET", "AZAMPAY_API_KEY", "AZAMPAY_CALLBACK_SECRET"],
      "AzamPay",
    )
  ) {
    providers.push(
      createAzamPayProvider({
        appName: config.AZAMPAY_APP_NAME!,
        clientId: config.AZAMPAY_CLIENT_ID!,
        clientSecret: config.AZAMPAY_CLIENT_SECRET!,
        apiKey: config.AZAMPAY_API_KEY!,
        authRoot: config.AZAMPAY_AUTH_ROOT,
        apiRoot: config.AZAMPAY_API_ROOT,
      }),
    );
  }
  if (providers.length && !config.PUBLIC_URL)
    throw new ConfigError("Invalid configuration: mobile money needs PUBLIC_URL (https) for the providers' callbacks");
  // The sandbox "pays" with a tap: never where real people use Nuru unless the operator asks for it.
  const sandbox = (config.PAYMENTS_SANDBOX ?? config.NODE_ENV !== "production") ? createSandboxProvider() : undefined;
  const service = createPayments({
    ...deps,
    providers,
    ...(sandbox ? { sandbox } : {}),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(config.AZAMPAY_CALLBACK_SECRET ? { azampayCallbackSecret: config.AZAMPAY_CALLBACK_SECRET } : {}),
    reconcileAfterMs: config.PAYMENTS_RECONCILE_AFTER_SECONDS * 1000,
    production: config.NODE_ENV === "production",
  });
  return { routes: service.routes(), start: () => service.start(), stop: () => service.stop() };
}
