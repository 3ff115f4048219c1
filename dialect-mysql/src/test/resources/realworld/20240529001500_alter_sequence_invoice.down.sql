ALTER SEQUENCE invoice_number_seq CACHE 20;
