import { simControlRoute } from "@/lib/simulator/next-route";

/** Do something on the simulated PC: body is one action (see pcActionSchema). */
export const POST = simControlRoute;
