-- VAT rates as data, with the FA(3) P_12 value each maps to (TStawkaPodatku in the KSeF schema).
INSERT INTO "vat_rates" ("code", "rate_bp", "ksef_code", "label_pl", "label_en", "position") VALUES
  ('23', 2300, '23', '23%', '23%', 1),
  ('8', 800, '8', '8%', '8%', 2),
  ('5', 500, '5', '5%', '5%', 3),
  ('0', 0, '0 KR', '0% (kraj)', '0% (domestic)', 4),
  ('zw', NULL, 'zw', 'zw — zwolnione', 'zw — exempt', 5),
  ('np', NULL, 'np I', 'np — niepodlegające', 'np — not subject to VAT', 6),
  ('oo', NULL, 'oo', 'oo — odwrotne obciążenie', 'oo — reverse charge', 7)
ON CONFLICT ("code") DO NOTHING;
