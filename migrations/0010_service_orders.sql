CREATE TABLE "number_series" (
	"series" text NOT NULL,
	"period" text NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "number_series_series_period_pk" PRIMARY KEY("series","period")
);
--> statement-breakpoint
CREATE TABLE "service_order_estimates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"net_minor" bigint DEFAULT 0 NOT NULL,
	"vat_minor" bigint DEFAULT 0 NOT NULL,
	"gross_minor" bigint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"token_hash" text,
	"expires_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_via" text,
	"decision_comment" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"order_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"service_id" uuid,
	"name" text NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" text NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"vat_rate_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_order_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"part_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"vat_rate_code" text NOT NULL,
	"issue_movement_seq" bigint,
	"removed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_rmas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"case_number" text DEFAULT '' NOT NULL,
	"shipped_on" date NOT NULL,
	"waybill" text DEFAULT '' NOT NULL,
	"expected_return_on" date,
	"returned_on" date,
	"outcome" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase" text NOT NULL,
	"name_pl" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL,
	"color" text DEFAULT 'gray' NOT NULL,
	"notify_email" boolean DEFAULT false NOT NULL,
	"notify_sms" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_statuses_phase_ck" CHECK ("service_order_statuses"."phase" in ('new','diagnosis','awaiting_approval','in_repair','external_service','ready_for_release','released','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "service_order_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"owner_role" text,
	"planned_minutes" integer DEFAULT 0 NOT NULL,
	"deadline_at" timestamp with time zone,
	"status" text DEFAULT 'todo' NOT NULL,
	"skip_reason" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_steps_status_ck" CHECK ("service_order_steps"."status" in ('todo','in_progress','done','skipped'))
);
--> statement-breakpoint
CREATE TABLE "service_order_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status_id" uuid,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"lang" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_order_time" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"step_id" uuid,
	"user_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"minutes" integer NOT NULL,
	"service_id" uuid,
	"billable" boolean DEFAULT true NOT NULL,
	"billed_minutes" integer NOT NULL,
	"unit_price_minor" bigint DEFAULT 0 NOT NULL,
	"vat_rate_code" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_order_time_minutes_ck" CHECK ("service_order_time"."minutes" > 0 and "service_order_time"."billed_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"site_id" uuid,
	"status_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"reported_problem" text NOT NULL,
	"accessories" text DEFAULT '' NOT NULL,
	"condition" text DEFAULT '' NOT NULL,
	"promised_on" date,
	"contact_id" uuid,
	"notify_channel" text DEFAULT 'none' NOT NULL,
	"notify_to" text DEFAULT '' NOT NULL,
	"lang" text DEFAULT 'pl' NOT NULL,
	"technician_id" uuid,
	"price_list_id" uuid,
	"service_path_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"released_to" text,
	"released_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	"number_key" text COLLATE "C" NOT NULL,
	CONSTRAINT "service_orders_kind_ck" CHECK ("service_orders"."kind" in ('shop','on_site')),
	CONSTRAINT "service_orders_priority_ck" CHECK ("service_orders"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "service_orders_notify_ck" CHECK ("service_orders"."notify_channel" in ('email','sms','none'))
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "price_list_id" uuid;--> statement-breakpoint
ALTER TABLE "service_order_estimates" ADD CONSTRAINT "service_order_estimates_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_estimates" ADD CONSTRAINT "service_order_estimates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_events" ADD CONSTRAINT "service_order_events_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_events" ADD CONSTRAINT "service_order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_lines" ADD CONSTRAINT "service_order_lines_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_lines" ADD CONSTRAINT "service_order_lines_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_lines" ADD CONSTRAINT "service_order_lines_vat_rate_code_vat_rates_code_fk" FOREIGN KEY ("vat_rate_code") REFERENCES "public"."vat_rates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_links" ADD CONSTRAINT "service_order_links_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_parts" ADD CONSTRAINT "service_order_parts_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_parts" ADD CONSTRAINT "service_order_parts_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_parts" ADD CONSTRAINT "service_order_parts_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_parts" ADD CONSTRAINT "service_order_parts_vat_rate_code_vat_rates_code_fk" FOREIGN KEY ("vat_rate_code") REFERENCES "public"."vat_rates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_parts" ADD CONSTRAINT "service_order_parts_issue_movement_seq_stock_movements_seq_fk" FOREIGN KEY ("issue_movement_seq") REFERENCES "public"."stock_movements"("seq") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_parts" ADD CONSTRAINT "service_order_parts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_rmas" ADD CONSTRAINT "service_order_rmas_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_steps" ADD CONSTRAINT "service_order_steps_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_steps" ADD CONSTRAINT "service_order_steps_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_steps" ADD CONSTRAINT "service_order_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_templates" ADD CONSTRAINT "service_order_templates_status_id_service_order_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."service_order_statuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_time" ADD CONSTRAINT "service_order_time_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_time" ADD CONSTRAINT "service_order_time_step_id_service_order_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."service_order_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_time" ADD CONSTRAINT "service_order_time_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_time" ADD CONSTRAINT "service_order_time_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_order_time" ADD CONSTRAINT "service_order_time_vat_rate_code_vat_rates_code_fk" FOREIGN KEY ("vat_rate_code") REFERENCES "public"."vat_rates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_site_id_customer_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."customer_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_status_id_service_order_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."service_order_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_contact_id_customer_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."customer_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_service_path_id_service_paths_id_fk" FOREIGN KEY ("service_path_id") REFERENCES "public"."service_paths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_order_estimates_version_uq" ON "service_order_estimates" USING btree ("order_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "service_order_estimates_token_uq" ON "service_order_estimates" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "service_order_estimates_waiting_idx" ON "service_order_estimates" USING btree ("sent_at") WHERE "service_order_estimates"."status" = 'sent';--> statement-breakpoint
CREATE INDEX "service_order_events_order_idx" ON "service_order_events" USING btree ("order_id","at","seq");--> statement-breakpoint
CREATE INDEX "service_order_lines_order_idx" ON "service_order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_order_links_token_uq" ON "service_order_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "service_order_links_order_idx" ON "service_order_links" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_order_parts_order_idx" ON "service_order_parts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_order_rmas_order_idx" ON "service_order_rmas" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_order_rmas_late_idx" ON "service_order_rmas" USING btree ("expected_return_on") WHERE "service_order_rmas"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "service_order_statuses_order_idx" ON "service_order_statuses" USING btree ("position");--> statement-breakpoint
CREATE INDEX "service_order_steps_order_idx" ON "service_order_steps" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "service_order_steps_owner_idx" ON "service_order_steps" USING btree ("owner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "service_order_templates_uq" ON "service_order_templates" USING btree ("event",coalesce("status_id", '00000000-0000-0000-0000-000000000000'::uuid),"channel","lang");--> statement-breakpoint
CREATE INDEX "service_order_time_order_idx" ON "service_order_time" USING btree ("order_id","worked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "service_orders_number_uq" ON "service_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "service_orders_search_trgm" ON "service_orders" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_orders_created_idx" ON "service_orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "service_orders_number_idx" ON "service_orders" USING btree ("number_key","id");--> statement-breakpoint
CREATE INDEX "service_orders_customer_idx" ON "service_orders" USING btree ("customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "service_orders_asset_idx" ON "service_orders" USING btree ("asset_id","created_at","id");--> statement-breakpoint
CREATE INDEX "service_orders_status_idx" ON "service_orders" USING btree ("status_id","created_at","id");--> statement-breakpoint
CREATE INDEX "service_orders_phase_idx" ON "service_orders" USING btree ("phase","created_at","id");--> statement-breakpoint
CREATE INDEX "service_orders_technician_idx" ON "service_orders" USING btree ("technician_id","created_at","id");--> statement-breakpoint
CREATE INDEX "service_orders_promised_idx" ON "service_orders" USING btree ("promised_on","id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE set null ON UPDATE no action;