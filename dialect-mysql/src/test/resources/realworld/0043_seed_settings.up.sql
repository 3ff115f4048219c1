-- Settings the shop reads at start-up. Values hold ; -- # and quotes on purpose.
INSERT INTO settings (k, v) VALUES
  ('site.name', 'Keel Shop'),
  ('site.tagline', 'Fast; friendly -- and "quoted" #1 shop'),
  ('export.path', 'C:\\exports\\daily\\'),
  ('mail.footer', 'Thanks for shopping!\nSee you soon.'),
  ('legal.note', 'It''s the law: prices incl. VAT'),
  ('emoji', 'ok ✅ 🚀');
