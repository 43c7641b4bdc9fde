-- Generates the search benchmark's data set straight into the application's schema (already migrated by
-- Liquibase): drivers, their vehicles, :trips published trips clustered on eight Ivorian cities over the next
-- 30 days, their stops. Set-based and seeded (setseed + md5-derived ids), so the same :trips and :seed give the
-- same rows apart from the dates, which follow now(). Run by bench/search as the superuser:
--   psql -v trips=1000000 -v seed=0.42 -f generate.sql
-- Triggers (the search sync and the foreign-key checks) are off for this session: trip_search_legs is filled
-- afterwards by bench/lib/legs.sql, one day of departures at a time.
\set ON_ERROR_STOP 1
\timing off
SET client_min_messages = warning;
SET session_replication_role = replica;
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';

TRUNCATE trip_search_legs, trip_stops, trips, vehicles, users CASCADE;

SELECT setseed(:seed);

-- The cities, weighted by traffic (Abidjan heaviest). Centres from OpenStreetMap.
CREATE TEMP TABLE bench_city (id int PRIMARY KEY, name text, lat float8, lon float8, weight float8);
INSERT INTO bench_city VALUES
    (1, 'Abidjan',      5.3364, -4.0267, 36),
    (2, 'Bouaké',       7.6906, -5.0300, 14),
    (3, 'Yamoussoukro', 6.8276, -5.2893, 12),
    (4, 'Daloa',        6.8774, -6.4502,  9),
    (5, 'San-Pédro',    4.7485, -6.6363,  9),
    (6, 'Korhogo',      9.4580, -5.6296,  7),
    (7, 'Man',          7.4125, -7.5538,  6),
    (8, 'Gagnoa',       6.1319, -5.9506,  7);

-- A city pair's share of the trips is the product of the two weights (a gravity model without distance):
-- 1,000 slots handed out in proportion, so a trip picks its pair with one array lookup.
CREATE TEMP TABLE bench_pair_slots AS
WITH pairs AS (
    SELECT o.id AS o_id, d.id AS d_id, o.weight * d.weight AS w
    FROM bench_city o JOIN bench_city d ON d.id <> o.id
), cum AS (
    SELECT o_id, d_id,
           round(1000 * sum(w) OVER (ORDER BY o_id, d_id) / sum(w) OVER ())::int AS hi,
           round(1000 * (sum(w) OVER (ORDER BY o_id, d_id) - w) / sum(w) OVER ())::int AS lo
    FROM pairs
)
SELECT array_agg(o_id ORDER BY slot) AS o_ids, array_agg(d_id ORDER BY slot) AS d_ids
FROM cum, generate_series(lo, hi - 1) AS slot;

-- Drivers: one per ten trips, all active, rated 3.00..5.00 (most of them above 4).
CREATE TEMP TABLE bench_params AS
SELECT greatest(:trips / 10, 10)::int AS drivers, date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day0;

INSERT INTO users (id, phone, first_name, last_name, gender, is_driver, status, is_phone_verified,
                   rating_avg, rating_count, referral_code, created_at, updated_at)
SELECT md5('bench-driver-' || g)::uuid,
       '+22501' || lpad(g::text, 8, '0'),
       (ARRAY['Aya','Adjoua','Amenan','Awa','Fatou','Mariam','Kouadio','Jean-Marc','Ibrahim','Seydou',
              'Moussa','Serge','Arsène','Didier','Yannick','Aminata'])[1 + g % 16],
       (ARRAY['Kouadio','Koffi','Konan','Yao','Kouassi','Traoré','Coulibaly','Ouattara','Bamba','Diabaté',
              'Koné','Touré','Diallo','Kouamé','N''Guessan','Aka','Gbagbo','Zadi','Séri','Gnahoré'])[1 + (g / 16) % 20],
       CASE WHEN g % 16 IN (0,1,2,3,4,5,15) THEN 'female' ELSE 'male' END,
       true, 'active', true,
       round((5.0 - 2.0 * power(random(), 2.5))::numeric, 2),
       1 + floor(random() * 120)::int,
       'BENCH' || g,
       now() - random() * interval '700 days', now()
FROM bench_params, generate_series(1, drivers) AS g;

-- One vehicle per driver; comfort 20 % basic, 60 % standard, 20 % comfort.
INSERT INTO vehicles (id, user_id, make, model, color, plate_number, seats_total, comfort_level, year, verified)
SELECT md5('bench-vehicle-' || g)::uuid, md5('bench-driver-' || g)::uuid,
       (ARRAY['Toyota','Hyundai','Kia','Peugeot','Toyota','Suzuki','Renault','Nissan'])[1 + g % 8],
       (ARRAY['Corolla','Accent','Rio','301','Yaris','Dzire','Logan','Almera'])[1 + g % 8],
       (ARRAY['blanc','gris','noir','bleu','rouge'])[1 + g % 5],
       lpad((g % 10000)::text, 4, '0') || ' ' || chr(65 + (g / 10000 / 26) % 26) || chr(65 + (g / 10000) % 26) || ' 01',
       4 + g % 4,
       CASE WHEN g % 10 < 2 THEN 'basic' WHEN g % 10 < 8 THEN 'standard' ELSE 'comfort' END,
       2008 + g % 17, true
FROM bench_params, generate_series(1, drivers) AS g;

-- The trips' random draws, once per trip (materialised, so that every column sees the same draw).
CREATE TEMP TABLE bench_trip AS
WITH draw AS MATERIALIZED (
    SELECT g, random() AS r_pair, random() AS r_oa, random() AS r_or, random() AS r_da, random() AS r_dr,
           random() AS r_day, random() AS r_hour, random() AS r_price, random() AS r_seats, random() AS r_booked,
           random() AS r_driver, random() AS r_stops, random() AS r_created
    FROM generate_series(1, :trips) AS g
), placed AS (
    SELECT d.*, o.name AS o_name, t.name AS d_name,
           -- uniform angle, radius skewed to the centre, at most 15 km
           o.lat + 15000 * power(d.r_or, 1.5) * cos(2 * pi() * d.r_oa) / 111320 AS o_lat,
           o.lon + 15000 * power(d.r_or, 1.5) * sin(2 * pi() * d.r_oa) / (111320 * cos(radians(o.lat))) AS o_lon,
           t.lat + 15000 * power(d.r_dr, 1.5) * cos(2 * pi() * d.r_da) / 111320 AS d_lat,
           t.lon + 15000 * power(d.r_dr, 1.5) * sin(2 * pi() * d.r_da) / (111320 * cos(radians(t.lat))) AS d_lon
    FROM draw d
    CROSS JOIN bench_pair_slots s
    JOIN bench_city o ON o.id = s.o_ids[1 + floor(d.r_pair * 1000)::int]
    JOIN bench_city t ON t.id = s.d_ids[1 + floor(d.r_pair * 1000)::int]
), measured AS (
    SELECT p.*, ST_Distance(ST_MakePoint(p.o_lon, p.o_lat)::geography, ST_MakePoint(p.d_lon, p.d_lat)::geography)
                * 1.3 AS road_m  -- great circle times a typical road detour
    FROM placed p
)
SELECT m.g,
       md5('bench-trip-' || :seed || '-' || m.g)::uuid AS id,
       1 + floor(m.r_driver * bp.drivers)::int AS driver_no,
       m.o_name, m.d_name, m.o_lat, m.o_lon, m.d_lat, m.d_lon,
       round(m.road_m)::int AS distance_m,
       round(m.road_m / (62 / 3.6))::int AS duration_s,  -- 62 km/h on Ivorian roads
       -- 05:00..19:55 UTC (= Abidjan time), more departures in the morning, 5-minute steps
       bp.day0 + floor(m.r_day * 30) * interval '1 day'
               + (300 + floor(power(m.r_hour, 1.4) * 180) * 5) * interval '1 minute' AS departure_raw,
       -- 22..36 XOF per road km, rounded to 500, at least 1,000
       greatest(1000, round(m.road_m / 1000 * (22 + 14 * m.r_price) / 500) * 500)::numeric(12,2) AS price,
       CASE WHEN m.r_seats < 0.10 THEN 1 WHEN m.r_seats < 0.35 THEN 2 WHEN m.r_seats < 0.75 THEN 3 ELSE 4 END AS seats_offered,
       m.r_booked,
       CASE WHEN m.r_stops < 0.40 THEN 1 WHEN m.r_stops < 0.55 THEN 2 ELSE 0 END AS stops,
       m.r_created
FROM measured m, bench_params bp;

-- A departure already past this run's clock moves to the 30th day, so every trip lies ahead.
UPDATE bench_trip SET departure_raw = departure_raw + interval '30 days' WHERE departure_raw <= now() + interval '30 minutes';

INSERT INTO trips (id, driver_id, vehicle_id, origin_point, origin_text, destination_point, destination_text,
                   departure_time, arrival_eta, distance_m, duration_s, price_per_seat, currency, seats_offered,
                   seats_available, comfort, luggage_policy, allow_auto_accept, status, created_at, updated_at)
SELECT t.id, md5('bench-driver-' || t.driver_no)::uuid, md5('bench-vehicle-' || t.driver_no)::uuid,
       ST_SetSRID(ST_MakePoint(t.o_lon, t.o_lat), 4326)::geography, t.o_name,
       ST_SetSRID(ST_MakePoint(t.d_lon, t.d_lat), 4326)::geography, t.d_name,
       t.departure_raw, t.departure_raw + t.duration_s * interval '1 second', t.distance_m, t.duration_s, t.price,
       'XOF', t.seats_offered,
       -- mostly still open: 55 % untouched, the rest partly or fully booked
       CASE WHEN t.r_booked < 0.55 THEN t.seats_offered
            ELSE t.seats_offered - floor((t.r_booked - 0.55) / 0.45 * (t.seats_offered + 1))::int END,
       CASE WHEN t.driver_no % 10 < 2 THEN 'basic' WHEN t.driver_no % 10 < 8 THEN 'standard' ELSE 'comfort' END,
       'un bagage par passager', t.stops = 0 AND t.r_booked < 0.3, 'published',
       least(now(), t.departure_raw - interval '2 hours') - t.r_created * interval '10 days', now()
FROM bench_trip t
ORDER BY t.g;

-- Stops along the way: stop k of n near k/(n+1) of the segment (±7 %), jittered by up to 5 km.
INSERT INTO trip_stops (id, trip_id, stop_order, point, label, pickup_allowed, dropoff_allowed, created_at)
SELECT md5('bench-stop-' || :seed || '-' || t.g || '-' || k)::uuid, t.id, k,
       ST_SetSRID(ST_MakePoint(
           t.o_lon + (t.d_lon - t.o_lon) * f + 5000 * jr * sin(ja) / (111320 * cos(radians(t.o_lat))),
           t.o_lat + (t.d_lat - t.o_lat) * f + 5000 * jr * cos(ja) / 111320), 4326)::geography,
       'Étape ' || k || ' (PK ' || round(t.distance_m / 1000.0 * f) || ')',
       true, true, now()
FROM bench_trip t
CROSS JOIN LATERAL generate_series(1, t.stops) AS k
CROSS JOIN LATERAL (SELECT k::float8 / (t.stops + 1) + (random() - 0.5) * 0.14 AS f,
                           random() AS jr, 2 * pi() * random() AS ja) j
ORDER BY t.g, k;

SELECT count(*) AS trips, min(departure_time) AS first_departure, max(departure_time) AS last_departure FROM trips;
