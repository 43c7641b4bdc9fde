-- Fills trip_search_legs for every generated trip with the application's own trip_search_refresh(uuid[]), one
-- day of departures per call (and per transaction), then VACUUM (ANALYZE): the visibility map is what lets the
-- search's covering index answer without heap visits. Run by bench/search as the superuser after generate.sql.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET session_replication_role = replica;
SET synchronous_commit = off;
SET work_mem = '256MB';

TRUNCATE trip_search_legs;
SELECT format('SELECT trip_search_refresh(ARRAY(SELECT id FROM trips WHERE departure_time >= %L AND departure_time < %L))',
              d, d + interval '1 day')
FROM generate_series(date_trunc('day', (SELECT min(departure_time) FROM trips)),
                     (SELECT max(departure_time) FROM trips), interval '1 day') AS d
\gexec
