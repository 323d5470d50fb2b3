import type { UsernameProblem } from "./usernames";

/** [username, problems from checkPushUsername] */
export const PUSH_USERNAME_CASES: [string, UsernameProblem[]][] = [
  ["Acme Pay Push", []],
  ["a", []],
  ["ACME2024", []],
  ["  padded  ", []],
  ["x".repeat(32), []],
  ["x".repeat(33), ["too_long"]],
  ["", ["empty"]],
  ["   ", ["empty"]],
  ["Acme-Pay", ["invalid_characters"]],
  ["acme.pay", ["invalid_characters"]],
  ["O'Brien", ["invalid_characters"]],
  ["Zoë", ["invalid_characters"]],
  ["tab\there", ["invalid_characters"]],
  ["MANAGER", ["built_in_user"]],
  ["manager", ["built_in_user"]],
  ["Man ager", ["built_in_user"]],
  ["Manager Two", []],
  ["x".repeat(30) + "!!!", ["too_long", "invalid_characters"]],
];

/** [integrator name, suggestion] */
export const SUGGESTION_CASES: [string, string][] = [
  ["Acme Pay", "Acme Pay Push"],
  ["  Acme   Pay  ", "Acme Pay Push"],
  ["Acme-Pay Ltd.", "Acme Pay Ltd Push"],
  ["O'Brien & Sons", "OBrien Sons Push"],
  ["Café Crédit", "Cafe Credit Push"],
  ["FastPush", "FastPush Push"],
  ["Acme Push", "Acme Push"],
  ["The Extremely Long Integrator Name Company Limited", "The Extremely Long Push"],
  ["Supercalifragilisticexpialidocious", "Supercalifragilisticexpiali Push"],
  ["", "Codat Push"],
  ["!!!", "Codat Push"],
  ["銀行", "Codat Push"],
  ["Manager", "Manager Push"],
];

export type FormCase = {
  name: string;
  input: unknown;
  /** Expected issue paths (joined with "."), in any order; empty when the input is valid. */
  issuePaths: string[];
  /** A substring the pushUsername issue's message must contain, when there is one. */
  messageIncludes?: string;
};

export const FORM_CASES: FormCase[] = [
  { name: "valid", input: { pushUsername: "Acme Pay Push", everydayUsernames: ["MANAGER", "Jane"] }, issuePaths: [] },
  { name: "ten everyday names", input: { pushUsername: "Acme Push", everydayUsernames: Array.from({ length: 10 }, (_, i) => `User ${i}`) }, issuePaths: [] },
  {
    name: "clash, same case",
    input: { pushUsername: "Jane", everydayUsernames: ["Jane"] },
    issuePaths: ["pushUsername"],
    messageIncludes: "logged in",
  },
  {
    name: "clash, case and spaces differ",
    input: { pushUsername: "acmepay", everydayUsernames: ["MANAGER", "Acme Pay"] },
    issuePaths: ["pushUsername"],
    messageIncludes: "same user",
  },
  { name: "push user is MANAGER", input: { pushUsername: "MANAGER", everydayUsernames: ["Jane"] }, issuePaths: ["pushUsername"] },
  { name: "push user 33 characters", input: { pushUsername: "x".repeat(33), everydayUsernames: ["Jane"] }, issuePaths: ["pushUsername"] },
  { name: "push user with punctuation", input: { pushUsername: "acme.pay", everydayUsernames: ["Jane"] }, issuePaths: ["pushUsername"] },
  { name: "empty push user", input: { pushUsername: "", everydayUsernames: ["Jane"] }, issuePaths: ["pushUsername"] },
  { name: "no everyday names", input: { pushUsername: "Acme Push", everydayUsernames: [] }, issuePaths: ["everydayUsernames"] },
  {
    name: "eleven everyday names",
    input: { pushUsername: "Acme Push", everydayUsernames: Array.from({ length: 11 }, (_, i) => `User ${i}`) },
    issuePaths: ["everydayUsernames"],
  },
  { name: "invalid everyday name", input: { pushUsername: "Acme Push", everydayUsernames: ["Jane", "j@ne"] }, issuePaths: ["everydayUsernames.1"] },
  { name: "empty everyday name", input: { pushUsername: "Acme Push", everydayUsernames: ["  "] }, issuePaths: ["everydayUsernames.0"] },
  {
    name: "duplicate everyday names (case and spaces ignored)",
    input: { pushUsername: "Acme Push", everydayUsernames: ["Jane Doe", "janedoe"] },
    issuePaths: ["everydayUsernames.1"],
  },
  {
    name: "password field refused",
    input: { pushUsername: "Acme Push", everydayUsernames: ["Jane"], password: "secret" },
    issuePaths: [""],
  },
  { name: "wrong types", input: { pushUsername: 7, everydayUsernames: "Jane" }, issuePaths: ["pushUsername", "everydayUsernames"] },
  { name: "not an object", input: null, issuePaths: [""] },
];
