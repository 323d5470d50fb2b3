import { simControlRoute } from "@/lib/simulator/next-route";

/** The webhooks the simulator sent. */
export const GET = simControlRoute;
