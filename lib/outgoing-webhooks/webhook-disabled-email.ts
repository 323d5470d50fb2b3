import { renderEmail, type RenderedEmail } from "@/lib/email/email-html";

/** Admins are told that an endpoint failed for five days straight and was disabled. */
export function webhookDisabledEmail(v: { appUrl: string; url: string; failingSince: Date; lastError: string }): RenderedEmail {
  return renderEmail({
    subject: "A webhook endpoint was disabled after five days of failures",
    appUrl: v.appUrl,
    blocks: [
      { paragraph: `Every delivery to ${v.url} has failed since ${v.failingSince.toUTCString()}, so it was disabled: no more events are sent to it.` },
      { paragraph: `The last failure: ${v.lastError}` },
      { paragraph: "Fix the endpoint, then delete it and add it again at Admin → Webhooks (events since are not sent; your backend can read each setup with GET /api/v1/setups/{id})." },
      { button: { label: "Open Admin", url: `${v.appUrl}/support/admin` } },
    ],
  });
}
