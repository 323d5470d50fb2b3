import { simCodatRoute } from "@/lib/simulator/next-route";

/** The Codat-compatible API of the simulator (404 in live mode). */
export const GET = simCodatRoute;
export const POST = simCodatRoute;
export const PUT = simCodatRoute;
export const PATCH = simCodatRoute;
export const DELETE = simCodatRoute;
