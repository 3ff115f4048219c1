-- Migration: 0049
-- Description: index payments reference ix
-- Author: anna
-- Date: 2023-10-23

ALTER TABLE payments ADD INDEX payments_reference_ix (reference);
