import { apiNotFound } from "@/lib/api/api-not-found";

/**
 * Every address under /api/ that no other route serves (a more specific route always wins: Auth.js,
 * the simulator, the product's APIs). HEAD follows GET.
 */
export const GET = apiNotFound;
export const POST = apiNotFound;
export const PUT = apiNotFound;
export const PATCH = apiNotFound;
export const DELETE = apiNotFound;
