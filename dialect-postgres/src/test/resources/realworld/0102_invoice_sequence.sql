-- Migration: 0102
-- Description: invoice sequence
-- Author: platform-team

-- === UP MIGRATION ===
CREATE SEQUENCE invoice_number_seq AS bigint START 100000 INCREMENT 1 CACHE 1;
COMMENT ON SEQUENCE invoice_number_seq IS 'Gapless in practice: one invoice per call, never rolled back on purpose';

-- === DOWN MIGRATION ===
DROP SEQUENCE invoice_number_seq;
