CREATE INDEX "customers_city_sort_idx" ON "customers" USING btree (lower("city"),"sort_key","id");--> statement-breakpoint
CREATE INDEX "parts_min_stock_sort_idx" ON "parts" USING btree ("sort_key","id") WHERE "parts"."min_stock" > 0;--> statement-breakpoint
CREATE INDEX "resources_active_sort_idx" ON "resources" USING btree ("active","sort_key","id");