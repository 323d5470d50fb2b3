import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";

export type PostWebhookInit = {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Where the connection may go (`connectLookup`); the system's resolver when absent. */
  lookup?: LookupFunction;
};

/** The endpoint's answer: its status only (the body is read and dropped). */
export type PostWebhookAnswer = { status: number };

/**
 * POSTs one signed webhook. No redirect is followed (a 3xx is the endpoint's answer), no connection
 * is reused, and the socket is opened to the address `lookup` hands over, so the address checked is
 * the address called (TLS still verifies the certificate against the URL's host name).
 */
export function postWebhook(url: string, init: PostWebhookInit): Promise<PostWebhookAnswer> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: "POST",
        headers: { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) },
        lookup: init.lookup,
        agent: false,
        signal: AbortSignal.timeout(init.timeoutMs),
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** Whether a failed post ran out of time (Node reports the signal's reason as the abort's cause). */
export function timedOut(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === "TimeoutError" || (err.cause instanceof Error && err.cause.name === "TimeoutError");
}
