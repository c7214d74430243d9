CREATE TABLE "asset_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "asset_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"asset_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_service_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"reminder_days" integer DEFAULT 14 NOT NULL,
	"remind_on" date NOT NULL,
	"recurrence_months" integer,
	"meter_interval" numeric(15, 3),
	"meter_due_at" numeric(15, 3),
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"completed_by" uuid,
	"previous_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_service_dates_status_ck" CHECK ("asset_service_dates"."status" in ('open','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "asset_type_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_type_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text COLLATE "C" NOT NULL,
	"meter_unit" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"asset_type_id" uuid NOT NULL,
	"product_id" uuid,
	"name" text NOT NULL,
	"serial_number" text DEFAULT '' NOT NULL,
	"serial_key" text COLLATE "C" DEFAULT '' NOT NULL,
	"manufacturer" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"purchase_date" date,
	"installation_date" date,
	"specification" text DEFAULT '' NOT NULL,
	"site_id" uuid,
	"position" text DEFAULT '' NOT NULL,
	"contact_id" uuid,
	"custody" text DEFAULT 'with_customer' NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"meter_value" numeric(15, 3),
	"meter_read_on" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL,
	CONSTRAINT "assets_custody_ck" CHECK ("assets"."custody" in ('with_customer','in_shop','on_site_service','external_service'))
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"read_on" date NOT NULL,
	"value" numeric(15, 3) NOT NULL,
	"source" text NOT NULL,
	"replacement" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_date_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"name_key" text COLLATE "C" NOT NULL,
	"task_role" text DEFAULT 'front_desk' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"contact_id" uuid,
	"channel" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assignee_id" uuid,
	"assignee_role" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	CONSTRAINT "tasks_status_ck" CHECK ("tasks"."status" in ('open','done','dismissed'))
);
--> statement-breakpoint
ALTER TABLE "asset_documents" ADD CONSTRAINT "asset_documents_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_documents" ADD CONSTRAINT "asset_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_events" ADD CONSTRAINT "asset_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_service_dates" ADD CONSTRAINT "asset_service_dates_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_service_dates" ADD CONSTRAINT "asset_service_dates_kind_id_service_date_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."service_date_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_service_dates" ADD CONSTRAINT "asset_service_dates_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_type_fields" ADD CONSTRAINT "asset_type_fields_asset_type_id_asset_types_id_fk" FOREIGN KEY ("asset_type_id") REFERENCES "public"."asset_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_asset_type_id_asset_types_id_fk" FOREIGN KEY ("asset_type_id") REFERENCES "public"."asset_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_site_id_customer_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."customer_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_contact_id_customer_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."customer_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_documents_asset_idx" ON "asset_documents" USING btree ("asset_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "asset_events_asset_idx" ON "asset_events" USING btree ("asset_id","at","seq");--> statement-breakpoint
CREATE INDEX "asset_service_dates_asset_idx" ON "asset_service_dates" USING btree ("asset_id","due_on");--> statement-breakpoint
CREATE INDEX "asset_service_dates_remind_idx" ON "asset_service_dates" USING btree ("remind_on","id") WHERE "asset_service_dates"."status" = 'open';--> statement-breakpoint
CREATE INDEX "asset_service_dates_meter_idx" ON "asset_service_dates" USING btree ("asset_id") WHERE "asset_service_dates"."status" = 'open' and "asset_service_dates"."meter_due_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_type_fields_key_uq" ON "asset_type_fields" USING btree ("asset_type_id","key");--> statement-breakpoint
CREATE INDEX "asset_type_fields_order_idx" ON "asset_type_fields" USING btree ("asset_type_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_types_name_uq" ON "asset_types" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "assets_search_trgm" ON "assets" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assets_custom_gin" ON "assets" USING gin ("custom" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "assets_sort_idx" ON "assets" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "assets_serial_idx" ON "assets" USING btree ("serial_key","id");--> statement-breakpoint
CREATE INDEX "assets_customer_idx" ON "assets" USING btree ("customer_id","sort_key","id");--> statement-breakpoint
CREATE INDEX "assets_type_idx" ON "assets" USING btree ("asset_type_id","sort_key","id");--> statement-breakpoint
CREATE INDEX "assets_custody_idx" ON "assets" USING btree ("custody","sort_key","id");--> statement-breakpoint
CREATE INDEX "assets_created_idx" ON "assets" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "assets_product_idx" ON "assets" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "assets_site_idx" ON "assets" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "meter_readings_asset_idx" ON "meter_readings" USING btree ("asset_id","read_on","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_date_kinds_name_uq" ON "service_date_kinds" USING btree ("name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "service_date_kinds_code_uq" ON "service_date_kinds" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "pending_reminders_dedupe_uq" ON "pending_reminders" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "pending_reminders_due_idx" ON "pending_reminders" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_dedupe_uq" ON "tasks" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "tasks_open_role_idx" ON "tasks" USING btree ("assignee_role","due_on","id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_open_user_idx" ON "tasks" USING btree ("assignee_id","due_on","id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_subject_idx" ON "tasks" USING btree ("subject_type","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_source_idx" ON "tasks" USING btree ("source_id") WHERE "tasks"."status" = 'open';