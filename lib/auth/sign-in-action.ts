"use server";
import { AuthError } from "next-auth";
import { signIn } from "./auth";
import { signInSchema } from "./sign-in-schema";
import { safeReturnPath } from "./safe-return-path";

export type SignInState = { error?: string; email?: string };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: form.get("password") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email };
  try {
    await signIn("staff", { ...parsed.data, redirectTo: safeReturnPath(form.get("callbackUrl"), "/support") });
  } catch (err) {
    if (err instanceof AuthError) return { error: "Wrong email or password.", email };
    throw err;
  }
  return {};
}
