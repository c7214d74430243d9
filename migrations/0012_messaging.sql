CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"to" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"html" text,
	"lang" text DEFAULT 'pl' NOT NULL,
	"related_type" text,
	"related_id" uuid,
	"correlation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"event_key" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_message_id" text,
	"queued_at" timestamp with time zone NOT NULL,
	"sending_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "messages_channel_ck" CHECK ("messages"."channel" in ('email','sms')),
	CONSTRAINT "messages_status_ck" CHECK ("messages"."status" in ('queued','sending','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "messaging_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"smtp_host" text DEFAULT '' NOT NULL,
	"smtp_port" integer DEFAULT 587 NOT NULL,
	"smtp_security" text DEFAULT 'starttls' NOT NULL,
	"smtp_user" text DEFAULT '' NOT NULL,
	"smtp_password" text DEFAULT '' NOT NULL,
	"from_address" text DEFAULT '' NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"reply_to" text DEFAULT '' NOT NULL,
	"sms_provider" text DEFAULT 'none' NOT NULL,
	"sms_sender" text DEFAULT '' NOT NULL,
	"smsapi_token" text DEFAULT '' NOT NULL,
	"smsapi_base_url" text DEFAULT 'https://api.smsapi.pl' NOT NULL,
	"webhook_url" text DEFAULT '' NOT NULL,
	"webhook_secret_header" text DEFAULT 'X-Webhook-Secret' NOT NULL,
	"webhook_secret" text DEFAULT '' NOT NULL,
	"sms_transliterate" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messaging_settings_singleton" CHECK ("messaging_settings"."id" = 1),
	CONSTRAINT "messaging_settings_security_ck" CHECK ("messaging_settings"."smtp_security" in ('none','starttls','tls')),
	CONSTRAINT "messaging_settings_sms_provider_ck" CHECK ("messaging_settings"."sms_provider" in ('none','smsapi','webhook'))
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_event_key_uq" ON "messages" USING btree ("event_key");--> statement-breakpoint
CREATE INDEX "messages_queued_idx" ON "messages" USING btree ("queued_at","id");--> statement-breakpoint
CREATE INDEX "messages_related_idx" ON "messages" USING btree ("related_type","related_id","queued_at","id");--> statement-breakpoint
CREATE INDEX "messages_status_idx" ON "messages" USING btree ("status","queued_at","id");--> statement-breakpoint
CREATE INDEX "messages_channel_idx" ON "messages" USING btree ("channel","queued_at","id");