-- migrate:up
INSERT INTO orders (customer_id, total_cents, notes) VALUES
    (1, 4200, 'first order; paid'),
    (2, 1999, 'gift -- wrap it');

-- migrate:down
DELETE FROM orders WHERE customer_id IN (1, 2);
