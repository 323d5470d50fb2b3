import { NextResponse } from "next/server";

/** A write's answer with its status; a replay of an `Idempotency-Key`'s first answer says so in a header. */
export function idempotentAnswer(answer: { status: number; body: unknown; replayed: boolean }): NextResponse {
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.replayed ? { "Idempotent-Replayed": "true" } : {} });
}
