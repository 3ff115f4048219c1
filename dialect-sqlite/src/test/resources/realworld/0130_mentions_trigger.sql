CREATE TRIGGER comments_mentions AFTER INSERT ON comments
BEGIN
    INSERT OR IGNORE INTO user_mentions (comment_id, user_id)
    SELECT NEW.id, u.id FROM users u WHERE instr(NEW.body_md, '@' || u.name) > 0;
END;
