"use client";
import { useState } from "react";
import type { ZodType } from "zod";
import { callApi } from "./call-api";
import { fieldErrors } from "./field-errors";
import { useAction } from "./use-action";

/**
 * An admin settings form's save: checks the input with the route's own schema first (errors beside
 * each field), then PUTs it, showing the server's field errors the same way.
 */
export function useCheckedPut(url: string, savedText: string) {
  const { pending, message, setMessage, run } = useAction();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save<T>(schema: ZodType<T>, input: unknown) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setMessage({ tone: "error", text: "Check the highlighted fields." });
      return;
    }
    setErrors({});
    const result = await run(
      () => callApi(url, { method: "PUT", body: parsed.data }),
      () => ({ tone: "success", text: savedText }),
    );
    if (!result.ok) setErrors(result.fields);
  }

  return { pending, message, errors, save };
}
