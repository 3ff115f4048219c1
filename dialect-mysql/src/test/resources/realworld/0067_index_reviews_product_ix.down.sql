DROP INDEX reviews_product_ix ON reviews;
