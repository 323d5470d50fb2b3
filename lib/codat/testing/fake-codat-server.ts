/** Test support: a local HTTP server standing in for Codat, scripted per test. */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

type FakeReply =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  /** Drops the connection without answering (a network error for the client). */
  | { action: "destroy" }
  /** Never answers (the client's timeout fires). */
  | { action: "hang" };

export interface FakeCodatServer {
  url: string;
  requests: RecordedRequest[];
  /** Answers every request with `handler` (n counts from 1). */
  handle(handler: (req: RecordedRequest, n: number) => FakeReply): void;
  /** Answers the next requests in order (counting from now); the last reply repeats. */
  replies(...list: FakeReply[]): void;
  close(): Promise<void>;
}

export async function startFakeCodatServer(): Promise<FakeCodatServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let handler: (req: RecordedRequest, n: number) => FakeReply = () => ({ status: 500, body: { error: "not scripted" } });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let body: unknown;
      try {
        body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
      } catch {
        body = rawBody;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body,
      };
      requests.push(recorded);
      const reply = handler(recorded, requests.length);
      if ("action" in reply) {
        if (reply.action === "destroy") req.socket.destroy();
        return;
      }
      const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
      res.writeHead(reply.status, {
        ...(reply.raw === undefined && reply.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...reply.headers,
      });
      res.end(text);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    replies(...list) {
      const start = requests.length;
      handler = (_req, n) => list[Math.min(n - start, list.length) - 1] ?? { status: 500 };
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
