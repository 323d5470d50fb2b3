import { z } from "zod";
import { REMINDER_DELAY_DAYS } from "@/lib/sage/reminders";
import { TEST_PUSH_TIMEOUT_MINUTES } from "@/lib/sage/test-push-status";

/** ISO 4217 codes this runtime knows (Node and browsers both list them). */
function knownCurrency(code: string): boolean {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : null;
  return list === null || list.includes(code);
}

const MAX_PUSH_CURRENCIES = 20;

/** The integrator's settings: shared by the admin form and PUT /api/settings. */
export const settingsSchema = z.strictObject({
  integratorName: z
    .string()
    .trim()
    .min(2, "Enter the name clients know you by.")
    .max(60, "Keep the name to 60 characters or fewer."),
  pushCurrencies: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, "Use three-letter ISO codes, like GBP or EUR.")
        .refine(knownCurrency, "That is not an ISO 4217 currency code."),
    )
    .max(MAX_PUSH_CURRENCIES, `List at most ${MAX_PUSH_CURRENCIES} currencies.`)
    .transform((codes) => [...new Set(codes)]),
  supportContact: z
    .string()
    .trim()
    .min(3, "Enter how clients reach your support: an email address, phone number or web address.")
    .max(200, "Keep the support contact to 200 characters or fewer."),
  /** Codat's wait for the connector on each new test push. Left out of a PUT, it is the default. */
  testPushTimeoutMinutes: z
    .number({ error: "Enter a whole number of minutes." })
    .int("Enter a whole number of minutes.")
    .min(TEST_PUSH_TIMEOUT_MINUTES.min, `Allow at least ${TEST_PUSH_TIMEOUT_MINUTES.min} minute.`)
    .max(TEST_PUSH_TIMEOUT_MINUTES.max, `Allow at most ${TEST_PUSH_TIMEOUT_MINUTES.max} minutes.`)
    .default(TEST_PUSH_TIMEOUT_MINUTES.default),
  /** Reminder emails for stalled setups. Left out of a PUT, they are on. */
  remindersEnabled: z.boolean({ error: "Choose whether reminders are sent." }).default(true),
  /** Days without progress before a reminder, and between reminders. Left out of a PUT, it is the default. */
  reminderDelayDays: z
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(REMINDER_DELAY_DAYS.min, `Wait at least ${REMINDER_DELAY_DAYS.min} day.`)
    .max(REMINDER_DELAY_DAYS.max, `Wait at most ${REMINDER_DELAY_DAYS.max} days.`)
    .default(REMINDER_DELAY_DAYS.default),
});
export type SettingsValues = z.output<typeof settingsSchema>;

/** The form's currency field ("GBP, EUR") as the list the schema checks. */
export function parseCurrencyList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
}
