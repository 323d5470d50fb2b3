import { simControlRoute } from "@/lib/simulator/next-route";

/** Sends a webhook again with the same webhook-id. */
export const POST = simControlRoute;
