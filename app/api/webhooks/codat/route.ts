import type { NextRequest } from "next/server";
import { receiveCodatWebhook } from "@/lib/webhooks/receive-codat-webhook";

/** Codat's webhooks: the raw body is verified (Svix signature, timestamp window) before anything is read. */
export async function POST(req: NextRequest) {
  return receiveCodatWebhook(req);
}
