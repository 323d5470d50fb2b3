import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got: the raw body and the Standard Webhooks headers. */
export type ReceivedWebhook = { body: string; headers: Record<string, string>; payload: { type: string; timestamp: string; data: Record<string, unknown> } };

/**
 * Test support: a real HTTP endpoint in-process standing for the integrator's backend. It keeps every
 * request and answers with `status()` (200 unless a test says otherwise).
 */
export async function openWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const state = { status: (): number => 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      received.push({ body, headers, payload: JSON.parse(body) as ReceivedWebhook["payload"] });
      res.writeHead(state.status(), { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    answerWith(status: number | (() => number)) {
      state.status = typeof status === "number" ? () => status : status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof openWebhookReceiver>>;
