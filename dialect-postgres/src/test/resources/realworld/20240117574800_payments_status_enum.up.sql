CREATE TYPE payment_status AS ENUM ('pending', 'succeeded', 'failed');
ALTER TABLE payments ADD COLUMN status payment_status NOT NULL DEFAULT 'pending';
-- keel:allow dml-without-where a backfill of every row is intended here
UPDATE payments SET status = CASE succeeded WHEN true THEN 'succeeded'::payment_status
                                            WHEN false THEN 'failed'::payment_status
                                            ELSE 'pending'::payment_status END;
