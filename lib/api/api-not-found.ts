import type { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./error-response";

export const API_NOT_FOUND_MESSAGE = "Nothing answers at this address of the API: check the path.";

/**
 * The answer at an address under /api/ that no route serves, whatever the method: a JSON 404 in the
 * API's one error shape, so a client of the API never has to read the HTML not-found page.
 */
export function apiNotFound(): NextResponse {
  return errorResponse(new AppError("not_found", API_NOT_FOUND_MESSAGE));
}
