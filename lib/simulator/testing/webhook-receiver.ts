import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

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
