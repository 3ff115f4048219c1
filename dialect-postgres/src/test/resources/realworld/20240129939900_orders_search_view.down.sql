DROP VIEW order_search;
