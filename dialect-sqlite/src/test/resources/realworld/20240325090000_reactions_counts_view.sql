CREATE VIEW comment_reaction_counts AS
SELECT comment_id, emoji, count(*) AS n, group_concat(user_id) AS users
  FROM comment_reactions GROUP BY comment_id, emoji;
