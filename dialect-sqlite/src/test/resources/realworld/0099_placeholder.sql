-- Version 0099 was a hotfix on the 1.x branch (see release notes 1.9.3).
-- It changed nothing on the main line; this file only keeps the numbering in step.
/* no statements */
