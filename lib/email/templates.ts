import { emailDate, renderEmail, type EmailBrand, type RenderedEmail } from "./email-html";

/**
 * The product's emails, in plain words, each as text and HTML (lib/email/email-html.ts escapes every
 * value). Builders take what the words need and nothing else.
 */

/** `brand`: the integrator's logo and colour (lib/embed/brand.ts), when the sender has it. */
type Common = { appUrl: string; integratorName: string; brand?: EmailBrand };

/** Support sends the client its setup link (invite), or sends it again. */
export function setupLinkEmail(v: Common & { companyName: string; linkUrl: string; shortCode: string; expiresAt: Date }): RenderedEmail {
  return renderEmail({
    subject: `Set up Sage 50 for ${v.integratorName}: ${v.companyName}`,
    appUrl: v.appUrl,
    brand: v.brand,
    blocks: [
      { paragraph: "Hello," },
      {
        paragraph: `${v.integratorName} would like to send bills, payments and suppliers straight into Sage 50 for ${v.companyName}. Setting it up takes about 20 minutes, on the computer where Sage 50 is installed.`,
      },
      { button: { label: "Start the setup", url: v.linkUrl } },
      { paragraph: `If the link does not open, go to ${v.appUrl}/go and type this code: ${v.shortCode}` },
      { paragraph: `The link works until ${emailDate(v.expiresAt)}. If it has run out, reply to ask for a new one.` },
    ],
  });
}

/** A stalled setup: a gentle reminder with a link that opens where the client left off. */
export function reminderEmail(v: Common & { companyName: string; linkUrl: string; expiresAt: Date; number: number }): RenderedEmail {
  return renderEmail({
    subject: `Reminder: finish setting up Sage 50 for ${v.integratorName}`,
    appUrl: v.appUrl,
    brand: v.brand,
    blocks: [
      { paragraph: "Hello," },
      {
        paragraph: `The Sage 50 setup for ${v.companyName} is not finished yet. Your answers are saved: the link below opens the setup where you left off.`,
      },
      { button: { label: "Continue the setup", url: v.linkUrl } },
      { paragraph: `The link works until ${emailDate(v.expiresAt)}. If you are stuck, reply and ${v.integratorName}'s support will help.` },
    ],
  });
}

/** Push stopped working: what happened, the fix, and a link that opens the step that fixes it. */
export function repairEmail(
  v: Common & { companyName: string; headline: string; fixSummary: string; linkUrl: string; expiresAt: Date },
): RenderedEmail {
  return renderEmail({
    subject: `Action needed: ${v.headline}`,
    appUrl: v.appUrl,
    brand: v.brand,
    blocks: [
      { paragraph: "Hello," },
      { paragraph: `${v.integratorName} could not send data into Sage 50 for ${v.companyName}. ${v.headline}` },
      { paragraph: `How to fix it: ${v.fixSummary}` },
      { button: { label: "Fix it now", url: v.linkUrl } },
      { paragraph: `The link works until ${emailDate(v.expiresAt)}.` },
    ],
  });
}

/** For support: the companies that need attention, each with its problem, in one message. */
export function supportDigestEmail(v: { appUrl: string; companies: { name: string; problem: string; url: string }[] }): RenderedEmail {
  const n = v.companies.length;
  return renderEmail({
    subject: `${n} ${n === 1 ? "company needs" : "companies need"} attention`,
    appUrl: v.appUrl,
    blocks: [
      { paragraph: `Pushes into Sage 50 are failing for ${n === 1 ? "this company" : "these companies"}:` },
      { list: v.companies.map((c) => `${c.name}: ${c.problem} (${c.url})`) },
      { button: { label: "Open the support console", url: `${v.appUrl}/support` } },
    ],
  });
}
