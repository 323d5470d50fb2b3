import { simControlRoute } from "@/lib/simulator/next-route";

/** Sends one connection event (created, connected, disconnected, reconnected, failed, deleted) for a company. */
export const POST = simControlRoute;
