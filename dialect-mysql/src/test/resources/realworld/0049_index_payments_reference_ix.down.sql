DROP INDEX payments_reference_ix ON payments;
