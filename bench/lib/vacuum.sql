-- Run by bench/search after legs.sql, outside any transaction.
\set ON_ERROR_STOP 1
SET maintenance_work_mem = '1GB';
VACUUM (ANALYZE) users;
VACUUM (ANALYZE) vehicles;
VACUUM (ANALYZE) trips;
VACUUM (ANALYZE) trip_stops;
VACUUM (ANALYZE) trip_search_legs;
CHECKPOINT;
