import type { Diagnosis } from "./diagnosis-codes";
import type { ConnectionStatus, SetupFlow } from "./types";

/** What the words of a diagnosis may depend on. Built by diagnosis.ts from plain data. */
export type DiagnosisContext = {
  flow: SetupFlow;
  pushUsername: string | null;
  everydayUsernames: string[];
  connectionStatus: ConnectionStatus | null;
  /** How long the push waited, in words ("3 minutes"), or null without a push. */
  pushWaited: string | null;
  /** Time since the connector last synced, in words, or null when it never has. */
  lastSyncAge: string | null;
  lastSyncRecent: boolean;
  errorMessage: string | null;
  /** The first quoted name in the error message, e.g. the login that is in use. */
  namedLogin: string | null;
  validationMessages: string[];
  statusCode: number | null;
};

export type DiagnosisText = Omit<Diagnosis, "code" | "helpSlug" | "confidence" | "reason" | "candidates" | "message">;

/** A diagnosis code's words, written from the context. */
export type DiagnosisWriter = (ctx: DiagnosisContext) => DiagnosisText;

export const quote = (text: string) => `“${text}”`;
export const pushUserLabel = (ctx: DiagnosisContext) => (ctx.pushUsername ? `the push user (${ctx.pushUsername})` : "the push user");
/** Ends `text` with a full stop unless it already ends with punctuation. */
export const sentence = (text: string) => (/[.!?”"')]$/.test(text) ? text : `${text}.`);

export const errorLine = (ctx: DiagnosisContext) =>
  sentence(`Message from Codat: ${ctx.errorMessage ? quote(ctx.errorMessage) : "(none)"}${ctx.statusCode ? ` (status ${ctx.statusCode})` : ""}`);
