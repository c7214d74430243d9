-- Built-in kinds of service dates; names are Polish defaults (the UI translates by code).
INSERT INTO "service_date_kinds" ("code", "name", "name_key", "task_role") VALUES
  ('inspection', 'Przegląd', 'przeglad', 'front_desk'),
  ('warranty', 'Gwarancja', 'gwarancja', 'front_desk'),
  ('insurance', 'Ubezpieczenie', 'ubezpieczenie', 'front_desk'),
  ('maintenance', 'Konserwacja', 'konserwacja', 'front_desk')
ON CONFLICT DO NOTHING;
