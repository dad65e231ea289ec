// Mobile money (src/payments, README "Mobile money"). An event's currency picks the provider: KES M-Pesa (Daraja), TZS AzamPay.
import { z } from "zod";
import { bool, url } from "./fields.js";

export const paymentSettings = {
  /** The built-in sandbox plays the payer's phone for currencies no provider collects (on by default except in production). */
  PAYMENTS_SANDBOX: bool.optional(),
  /** A collection open this many seconds without a callback is asked about at the provider. */
  PAYMENTS_RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(10).max(86_400).default(120),
  MPESA_CONSUMER_KEY: z.string().optional(),
  MPESA_CONSUMER_SECRET: z.string().optional(),
  /** Paybill (or head-office) shortcode, BusinessShortCode. */
  MPESA_SHORTCODE: z
    .string()
    .regex(/^\d{5,7}$/, "must be the 5-7 digit shortcode Safaricom gave")
    .optional(),
  MPESA_PASSKEY: z.string().optional(),
  /** A till number (Buy Goods) to pay into instead of the paybill shortcode. */
  MPESA_TILL: z
    .string()
    .regex(/^\d{5,7}$/, "must be the 5-7 digit till number")
    .optional(),
  MPESA_API_ROOT: url(["https:", "http:"]).default("https://sandbox.safaricom.co.ke"),
  AZAMPAY_APP_NAME: z.string().optional(),
  AZAMPAY_CLIENT_ID: z.string().optional(),
  AZAMPAY_CLIENT_SECRET: z.string().optional(),
  AZAMPAY_API_KEY: z.string().optional(),
  AZAMPAY_AUTH_ROOT: url(["https:", "http:"]).default("https://authenticator-sandbox.azampay.co.tz"),
  AZAMPAY_API_ROOT: url(["https:", "http:"]).default("https://sandbox.azampay.co.tz"),
  /** The secret last part of the callback URL registered with AzamPay (/payments/azampay/callback/<secret>). */
  AZAMPAY_CALLBACK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{24,128}$/, "must be 24-128 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
};
