DROP TABLE IF EXISTS wishlist_items;
