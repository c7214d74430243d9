-- The default status list, one per lifecycle phase; companies rename, add and reorder their own.
INSERT INTO "service_order_statuses" ("phase", "name_pl", "name_en", "position", "color", "notify_email", "notify_sms", "is_default") VALUES
  ('new', 'Przyjęte', 'Received', 10, 'blue', true, false, true),
  ('diagnosis', 'Diagnoza', 'Diagnosis', 20, 'cyan', false, false, true),
  ('awaiting_approval', 'Czeka na akceptację kosztorysu', 'Waiting for estimate approval', 30, 'yellow', false, false, true),
  ('in_repair', 'W naprawie', 'In repair', 40, 'indigo', true, false, true),
  ('external_service', 'W serwisie zewnętrznym', 'At an external service', 50, 'grape', true, false, true),
  ('ready_for_release', 'Gotowe do odbioru', 'Ready for pickup', 60, 'green', true, true, true),
  ('released', 'Wydane', 'Released', 70, 'gray', false, false, true),
  ('cancelled', 'Anulowane', 'Cancelled', 80, 'red', true, false, true);
