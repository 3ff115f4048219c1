DROP PROCEDURE IF EXISTS sp_cancel_order;
