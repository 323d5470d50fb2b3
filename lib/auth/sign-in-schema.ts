import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password-rule";

/** Staff sign-in: the only request in the product that carries a password (the staff member's own). */
export const signInSchema = z.object({
  email: z.email("Enter the email address of your staff account.").max(254),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH),
});
