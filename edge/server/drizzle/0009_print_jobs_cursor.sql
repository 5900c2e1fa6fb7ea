-- Print jobs are recorded from the log by a consumer with the `print-jobs` cursor (they were
-- recorded in each command's own transaction until now). Every event already in the log had its
-- jobs recorded with it, so the cursor starts past them: nothing is printed a second time.
INSERT INTO `log_cursors` (`name`, `seq`, `updated_at`)
SELECT 'print-jobs', coalesce(max(`seq`), 0), CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `events`
WHERE true
ON CONFLICT (`name`) DO NOTHING;
