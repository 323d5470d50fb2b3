import { z } from "zod/mini";
import {
  checkPushUsername,
  checkUsername,
  findUsernameClash,
  MAX_EVERYDAY_USERNAMES,
  normalizeUsername,
  USERNAME_PROBLEM_MESSAGES,
  type UsernameProblem,
} from "./usernames";

const CLASH_MESSAGE =
  "Choose a push user that nobody logs in with. The connector cannot write to Sage 50 while a person " +
  "is logged in as the same user, so every push would fail whenever Sage 50 is open.";

const PASSWORD_REFUSED_MESSAGE =
  "Only usernames belong here. Never enter a Sage 50 password in this wizard: it goes into the connector on your PC.";

const usernameField = (check: (name: string) => UsernameProblem[]) =>
  z.string().check(
    z.trim(),
    z.superRefine((name, ctx) => {
      for (const problem of check(name)) ctx.addIssue({ code: "custom", message: USERNAME_PROBLEM_MESSAGES[problem] });
    }),
  );

/**
 * What the client tells the wizard about the push user. Shared by the React form and the API route.
 * Strict: every other field (a `password`, above all) is refused, because the product never takes one.
 * zod/mini rather than full zod, and in a file of its own, because the form takes it to the browser
 * (see components/wizard/lazy-resolver.ts); the rules themselves are in ./usernames.
 */
export const pushUserFormSchema = z
  .strictObject(
    {
      pushUsername: usernameField(checkPushUsername),
      everydayUsernames: z
        .array(usernameField(checkUsername))
        .check(
          z.minLength(1, { error: "Enter at least one username that people use to open Sage 50." }),
          z.maxLength(MAX_EVERYDAY_USERNAMES, { error: `Enter at most ${MAX_EVERYDAY_USERNAMES} everyday usernames.` }),
        ),
    },
    {
      error: (issue) => (issue.code === "unrecognized_keys" ? PASSWORD_REFUSED_MESSAGE : undefined),
    },
  )
  .check(
    z.superRefine((form, ctx) => {
      const seen = new Set<string>();
      form.everydayUsernames.forEach((name, index) => {
        const key = normalizeUsername(name);
        if (key.length > 0 && seen.has(key)) {
          ctx.addIssue({ code: "custom", path: ["everydayUsernames", index], message: "This username is already listed." });
        }
        seen.add(key);
      });
      if (findUsernameClash(form.pushUsername, form.everydayUsernames) !== null) {
        ctx.addIssue({ code: "custom", path: ["pushUsername"], message: CLASH_MESSAGE });
      }
    }),
  );

export type PushUserFormInput = z.input<typeof pushUserFormSchema>;
export type PushUserForm = z.output<typeof pushUserFormSchema>;
