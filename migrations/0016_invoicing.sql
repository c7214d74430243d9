CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" text NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"net_minor" bigint NOT NULL,
	"vat_rate_code" text NOT NULL,
	"gtu" text,
	"pkwiu" text,
	"annex15" boolean DEFAULT false NOT NULL,
	"source_kind" text DEFAULT 'free' NOT NULL,
	"source_id" uuid,
	CONSTRAINT "invoice_lines_discount_ck" CHECK ("invoice_lines"."discount_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"method" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_payments_amount_ck" CHECK ("invoice_payments"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"place_of_issue" text DEFAULT '' NOT NULL,
	"payment_days" integer DEFAULT 14 NOT NULL,
	"payment_method" text DEFAULT 'transfer' NOT NULL,
	"bank_accounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text DEFAULT 'pl' NOT NULL,
	"vat_pattern" text DEFAULT 'FV/{YYYY}/{MM}/{NNNN}' NOT NULL,
	"vat_reset" text DEFAULT 'monthly' NOT NULL,
	"correction_pattern" text DEFAULT 'FK/{YYYY}/{MM}/{NNNN}' NOT NULL,
	"correction_reset" text DEFAULT 'monthly' NOT NULL,
	"exemption_basis" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_settings_singleton" CHECK ("invoice_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"number_key" text COLLATE "C",
	"customer_id" uuid NOT NULL,
	"lang" text DEFAULT 'pl' NOT NULL,
	"issue_date" date NOT NULL,
	"sale_date" date NOT NULL,
	"due_date" date NOT NULL,
	"payment_method" text NOT NULL,
	"bank_account" text DEFAULT '' NOT NULL,
	"split_payment" boolean DEFAULT false NOT NULL,
	"exemption_basis" text DEFAULT '' NOT NULL,
	"place_of_issue" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"service_order_id" uuid,
	"corrects_invoice_id" uuid,
	"correction_reason" text DEFAULT '' NOT NULL,
	"net_minor" bigint DEFAULT 0 NOT NULL,
	"vat_minor" bigint DEFAULT 0 NOT NULL,
	"gross_minor" bigint DEFAULT 0 NOT NULL,
	"payable_minor" bigint DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"payment_status" text DEFAULT 'unpaid' NOT NULL,
	"document" jsonb,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"ksef_status" text DEFAULT 'not_sent' NOT NULL,
	"ksef_xml" text,
	"ksef_reference" text,
	"ksef_number" text,
	"ksef_error" text,
	"ksef_updated_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	CONSTRAINT "invoices_kind_ck" CHECK ("invoices"."kind" in ('vat','correction')),
	CONSTRAINT "invoices_status_ck" CHECK ("invoices"."status" in ('draft','issued','cancelled')),
	CONSTRAINT "invoices_payment_status_ck" CHECK ("invoices"."payment_status" in ('unpaid','partially_paid','paid')),
	CONSTRAINT "invoices_ksef_status_ck" CHECK ("invoices"."ksef_status" in ('not_sent','pending','accepted','rejected')),
	CONSTRAINT "invoices_issued_numbered_ck" CHECK (("invoices"."status" = 'draft') = ("invoices"."number" is null) or "invoices"."status" = 'cancelled'),
	CONSTRAINT "invoices_correction_ck" CHECK (("invoices"."kind" = 'correction') = ("invoices"."corrects_invoice_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_vat_rate_code_vat_rates_code_fk" FOREIGN KEY ("vat_rate_code") REFERENCES "public"."vat_rates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_service_order_id_service_orders_id_fk" FOREIGN KEY ("service_order_id") REFERENCES "public"."service_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_uq" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice_idx" ON "invoice_payments" USING btree ("invoice_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "invoices" USING btree ("number");--> statement-breakpoint
CREATE INDEX "invoices_number_key_idx" ON "invoices" USING btree ("number_key");--> statement-breakpoint
CREATE INDEX "invoices_issue_idx" ON "invoices" USING btree ("issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_customer_idx" ON "invoices" USING btree ("customer_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status","issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_payment_idx" ON "invoices" USING btree ("payment_status","due_date","id") WHERE "invoices"."status" = 'issued' and "invoices"."kind" = 'vat';--> statement-breakpoint
CREATE INDEX "invoices_search_trgm" ON "invoices" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "invoices_corrects_idx" ON "invoices" USING btree ("corrects_invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_service_order_uq" ON "invoices" USING btree ("service_order_id") WHERE "invoices"."status" <> 'cancelled' and "invoices"."kind" = 'vat';--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_corrects_invoice_id_fk" FOREIGN KEY ("corrects_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;
