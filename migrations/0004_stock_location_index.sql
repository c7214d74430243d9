CREATE INDEX "stock_movements_location_idx" ON "stock_movements" USING btree ("location_id","seq");--> statement-breakpoint
-- Every installation starts with one warehouse (renamable).
INSERT INTO "stock_locations" ("name", "kind") VALUES ('Magazyn główny', 'warehouse');
