import { simControlRoute } from "@/lib/simulator/next-route";

/** Start a steady stream of the integrator's writes (load tests); list this instance's streams. */
export const POST = simControlRoute;
export const GET = simControlRoute;
