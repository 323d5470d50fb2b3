CREATE TABLE "codat_webhook_inbox" (
	"id" text PRIMARY KEY NOT NULL,
	"event_type" text NOT NULL,
	"event" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "codat_webhook_inbox_waiting_idx" ON "codat_webhook_inbox" USING btree ("received_at") WHERE "codat_webhook_inbox"."failed_at" is null;