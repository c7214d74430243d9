CREATE TABLE "parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"code_key" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL,
	"unit" text DEFAULT 'pcs' NOT NULL,
	"manufacturer_part_number" text DEFAULT '' NOT NULL,
	"ean" text,
	"purchase_price_minor" bigint DEFAULT 0 NOT NULL,
	"sale_price_minor" bigint DEFAULT 0 NOT NULL,
	"vat_rate_code" text NOT NULL,
	"min_stock" numeric(12, 3) DEFAULT '0' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "parts_prices_nonneg" CHECK ("parts"."purchase_price_minor" >= 0 and "parts"."sale_price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"code_key" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL,
	"manufacturer" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"warranty_months" integer DEFAULT 0 NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"code_key" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL,
	"unit" text NOT NULL,
	"default_price_minor" bigint NOT NULL,
	"vat_rate_code" text NOT NULL,
	"billing_increment_minutes" integer,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "services_price_nonneg" CHECK ("services"."default_price_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vat_rates" (
	"code" text PRIMARY KEY NOT NULL,
	"rate_bp" integer,
	"ksef_code" text NOT NULL,
	"label_pl" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"part_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"on_hand" numeric(12, 3) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_levels_part_id_location_id_pk" PRIMARY KEY("part_id","location_id"),
	CONSTRAINT "stock_levels_on_hand_nonnegative" CHECK ("stock_levels"."on_hand" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"part_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit_cost_minor" bigint,
	"reason" text DEFAULT '' NOT NULL,
	"transfer_id" uuid,
	"reference_type" text,
	"reference_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	CONSTRAINT "stock_movements_quantity_nonzero" CHECK ("stock_movements"."quantity" <> 0)
);
--> statement-breakpoint
CREATE TABLE "price_list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"price_list_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"price_minor" bigint,
	"percent_bp" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_list_items_one_kind" CHECK (("price_list_items"."price_minor" is null) <> ("price_list_items"."percent_bp" is null)),
	CONSTRAINT "price_list_items_price_nonneg" CHECK ("price_list_items"."price_minor" is null or "price_list_items"."price_minor" >= 0),
	CONSTRAINT "price_list_items_percent" CHECK ("price_list_items"."percent_bp" is null or "price_list_items"."percent_bp" > -10000)
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'PLN' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"entry_mode" text DEFAULT 'net' NOT NULL,
	"default_percent_bp" integer,
	"is_default" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL,
	CONSTRAINT "price_lists_validity" CHECK ("price_lists"."valid_from" is null or "price_lists"."valid_to" is null or "price_lists"."valid_from" <= "price_lists"."valid_to"),
	CONSTRAINT "price_lists_percent" CHECK ("price_lists"."default_percent_bp" is null or "price_lists"."default_percent_bp" > -10000)
);
--> statement-breakpoint
CREATE TABLE "service_path_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"path_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"role" text,
	"planned_minutes" integer DEFAULT 0 NOT NULL,
	"deadline_offset_hours" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_path_steps_minutes" CHECK ("service_path_steps"."planned_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_paths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"identifier" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text NOT NULL,
	"sort_key" text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"target" text PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "profiles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "parts" ADD CONSTRAINT "parts_vat_rate_code_vat_rates_code_fk" FOREIGN KEY ("vat_rate_code") REFERENCES "public"."vat_rates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_vat_rate_code_vat_rates_code_fk" FOREIGN KEY ("vat_rate_code") REFERENCES "public"."vat_rates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_path_steps" ADD CONSTRAINT "service_path_steps_path_id_service_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."service_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "parts_code_uq" ON "parts" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "parts_search_trgm" ON "parts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parts_sort_idx" ON "parts" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "parts_ean_idx" ON "parts" USING btree ("ean");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_uq" ON "products" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "products_search_trgm" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_sort_idx" ON "products" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category","sort_key","id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_code_uq" ON "services" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "services_search_trgm" ON "services" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "services_sort_idx" ON "services" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "stock_levels_location_idx" ON "stock_levels" USING btree ("location_id","part_id");--> statement-breakpoint
CREATE INDEX "stock_locations_name_idx" ON "stock_locations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "stock_movements_part_idx" ON "stock_movements" USING btree ("part_id","seq");--> statement-breakpoint
CREATE INDEX "stock_movements_reference_idx" ON "stock_movements" USING btree ("reference_type","reference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_items_uq" ON "price_list_items" USING btree ("price_list_id","item_type","item_id");--> statement-breakpoint
CREATE INDEX "price_list_items_item_idx" ON "price_list_items" USING btree ("item_type","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_lists_one_default" ON "price_lists" USING btree ("is_default") WHERE "price_lists"."is_default";--> statement-breakpoint
CREATE INDEX "price_lists_sort_idx" ON "price_lists" USING btree ("sort_key","id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_path_steps_position_uq" ON "service_path_steps" USING btree ("path_id","position");--> statement-breakpoint
CREATE INDEX "service_paths_sort_idx" ON "service_paths" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "resources_sort_idx" ON "resources" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "resources_search_trgm" ON "resources" USING gin ("search_text" gin_trgm_ops);