ALTER TYPE payment_method ADD VALUE 'wallet' BEFORE 'voucher';
