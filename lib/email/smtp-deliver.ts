import nodemailer from "nodemailer";
import type { MailConfig } from "./mail-config";
import type { Deliver } from "./send-due-emails";

/** Delivers over SMTP with nodemailer, from the configured sender. */
export function smtpDeliver(config: MailConfig & { smtpUrl: string }): Deliver {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return async (message) => {
    await transport.sendMail({
      from: config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
      messageId: `<${message.id}@sage50-push-setup>`,
    });
  };
}
