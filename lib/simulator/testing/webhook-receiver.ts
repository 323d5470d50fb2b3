import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openSimHarness, type SimHarness } from "./sim-harness";

/** Test support: a local HTTP endpoint that records webhooks and answers with the statuses it is told. */
export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string };

export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  /** Statuses to answer with, in order; 200 once they run out. */
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = script.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/codat`,
    received,
    failNext(...statuses: number[]) {
      script.push(...statuses);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * For a test file whose tests all hear the simulator's webhooks: opens a simulator harness and a
 * receiver once (handed to `take`), and before each test resets the simulator's knobs, points its
 * webhooks at the receiver and forgets what it received.
 */
export function withSimAndWebhookReceiver(take: (sim: SimHarness, receiver: WebhookReceiver) => void): void {
  let sim: SimHarness | undefined;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    sim = await openSimHarness();
    receiver = await startWebhookReceiver();
    take(sim, receiver);
  });
  beforeEach(async () => {
    await sim!.resetConfig();
    await sim!.setConfig({ webhooksEnabled: true, webhookUrl: receiver!.url });
    receiver!.received.length = 0;
  });
  afterAll(async () => {
    await receiver?.close();
    await sim?.close();
  });
}
