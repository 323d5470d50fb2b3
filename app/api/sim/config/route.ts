import { simControlRoute } from "@/lib/simulator/next-route";

/** The simulator's knobs: latency, injected errors, processing delay, minute length, webhooks. */
export const GET = simControlRoute;
export const PUT = simControlRoute;
