import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search benchmark's client (bench/search drives it). One closed-loop client for both targets, so the API/SQL
 * ratio compares like with like: the same generated queries, the same threads, the same clock, the same
 * percentile arithmetic (every latency kept, sorted, nearest rank).
 *
 * <pre>
 * run     --mode http|sql  ... : warm up, then one measured level per concurrency; writes a properties file
 * explain                  ... : EXPLAIN (ANALYZE, BUFFERS) of representative queries; writes a markdown fragment
 * report                   ... : bench/results/search.md from the properties files
 * </pre>
 *
 * The SQL target runs src/main/resources/com/allocar/trips/trip-search.sql itself, read at run time, as a
 * server-side prepared statement (prepareThreshold=1, as the application's data source), one connection per
 * client thread, each statement prepared once per connection and executed again and again.
 */
public class SearchBench {

    // ---------------------------------------------------------------------------------------------------------
    // The query mix

    record City(String name, double lat, double lon, double weight) {}

    /** The same cities and traffic weights as bench/lib/generate.sql. */
    static final City[] CITIES = {
        new City("Abidjan", 5.3364, -4.0267, 36), new City("Bouaké", 7.6906, -5.0300, 14),
        new City("Yamoussoukro", 6.8276, -5.2893, 12), new City("Daloa", 6.8774, -6.4502, 9),
        new City("San-Pédro", 4.7485, -6.6363, 9), new City("Korhogo", 9.4580, -5.6296, 7),
        new City("Man", 7.4125, -7.5538, 6), new City("Gagnoa", 6.1319, -5.9506, 7),
    };
    static final int[][] PAIRS;
    static final double[] PAIR_CUMULATIVE;

    static {
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double sum = 0;
        for (int o = 0; o < CITIES.length; o++) {
            for (int d = 0; d < CITIES.length; d++) {
                if (o == d) continue;
                pairs.add(new int[] {o, d});
                sum += CITIES[o].weight * CITIES[d].weight;
                weights.add(sum);
            }
        }
        PAIRS = pairs.toArray(new int[0][]);
        PAIR_CUMULATIVE = new double[weights.size()];
        for (int i = 0; i < PAIR_CUMULATIVE.length; i++) PAIR_CUMULATIVE[i] = weights.get(i) / sum;
    }

    /** One search as a passenger's app would send it; {@code null}/default fields are left out of the URL. */
    record Query(double fromLat, double fromLon, double toLat, double toLon, int radiusKm, LocalDate date, int seats,
                 Integer priceMax, String fromCity, String toCity) {

        String queryString() {
            StringBuilder s = new StringBuilder();
            s.append("from=").append(coord(fromLat)).append(',').append(coord(fromLon));
            s.append("&to=").append(coord(toLat)).append(',').append(coord(toLon));
            s.append("&date=").append(date);
            if (radiusKm != 25) s.append("&radius_km=").append(radiusKm);
            if (seats != 1) s.append("&seats=").append(seats);
            if (priceMax != null) s.append("&price_max=").append(priceMax);
            return s.toString();
        }
    }

    static String coord(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    /**
     * Query number {@code index} of the stream {@code seed}: a city pair weighted by traffic, each end within a
     * few km of the city centre (normal, σ 2 km, at most 6 km), a date among the {@code days} days from
     * {@code first}, radius 25 km (60 %), 10 km (20 %) or 50 km (20 %), 2 seats (20 %), a price ceiling near the
     * route's usual price (15 %). Deterministic: the API run and the SQL run send the same queries.
     */
    static Query query(long seed, long index, LocalDate first, int days, int forcedRadiusKm) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        double u = r.nextDouble();
        int p = 0;
        while (p < PAIR_CUMULATIVE.length - 1 && PAIR_CUMULATIVE[p] < u) p++;
        City from = CITIES[PAIRS[p][0]];
        City to = CITIES[PAIRS[p][1]];
        double[] a = jitter(r, from);
        double[] b = jitter(r, to);
        LocalDate date = first.plusDays(r.nextInt(days));
        double ur = r.nextDouble();
        int radius = forcedRadiusKm > 0 ? forcedRadiusKm : ur < 0.6 ? 25 : ur < 0.8 ? 10 : 50;
        int seats = r.nextDouble() < 0.2 ? 2 : 1;
        Integer priceMax = null;
        if (r.nextDouble() < 0.15) {
            double roadKm = haversine(from.lat, from.lon, to.lat, to.lon) * 1.3 / 1000;
            priceMax = (int) Math.max(1000, Math.round(roadKm * (24 + 10 * r.nextDouble()) / 500) * 500);
        }
        return new Query(a[0], a[1], b[0], b[1], radius, date, seats, priceMax, from.name, to.name);
    }

    static double[] jitter(SplittableRandom r, City c) {
        double dist = Math.min(Math.abs(r.nextGaussian()) * 2000, 6000);
        double angle = r.nextDouble() * 2 * Math.PI;
        double lat = c.lat + dist * Math.cos(angle) / 111_320;
        double lon = c.lon + dist * Math.sin(angle) / (111_320 * Math.cos(Math.toRadians(c.lat)));
        return new double[] {Double.parseDouble(coord(lat)), Double.parseDouble(coord(lon))};
    }

    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The SQL statement, as the application runs it

    /** trip-search.sql with {order} filled, comments dropped and :names turned into JDBC ? markers. */
    record NamedStatement(String jdbcSql, List<String> names, String sourceSql) {

        static NamedStatement load(Path file, String order) throws IOException {
            String text = Files.readString(file);
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                int comment = line.indexOf("--");
                body.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            }
            String sql = body.toString().replace("{order}", order).strip();
            Matcher m = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)").matcher(sql);
            List<String> names = new ArrayList<>();
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(out, "?");
            }
            m.appendTail(out);
            return new NamedStatement(out.toString(), names, sql);
        }

        /** The same statement with $n markers (one per distinct name), for PREPARE. */
        String dollarSql(Map<String, Integer> numbers) {
            Matcher m = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)").matcher(sourceSql);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                numbers.putIfAbsent(m.group(1), numbers.size() + 1);
                m.appendReplacement(out, "\\$" + numbers.get(m.group(1)));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** The statement's parameters for a query, with the API's defaults for what the query leaves out. */
    static Map<String, Object> parameters(Query q, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from_lat", q.fromLat);
        p.put("from_lon", q.fromLon);
        p.put("to_lat", q.toLat);
        p.put("to_lon", q.toLon);
        p.put("radius_m", q.radiusKm * 1000.0);
        OffsetDateTime dayStart = q.date.atStartOfDay().atOffset(ZoneOffset.UTC); // Abidjan is UTC all year
        p.put("departure_after", dayStart);
        p.put("departure_before", dayStart.plusDays(1));
        p.put("seats", q.seats);
        // as TripSearchParameters makes them: BigDecimal.valueOf(double), the same ceiling when no price_max
        p.put("price_min", BigDecimal.valueOf(0.0));
        p.put("price_max", q.priceMax == null ? new BigDecimal("9999999999.99") : BigDecimal.valueOf((double) q.priceMax));
        p.put("driver_rating", BigDecimal.valueOf(0.0));
        p.put("comfort", null);
        p.put("limit", limit);
        p.put("offset", 0);
        return p;
    }

    /** Binds like the application's NamedSql: setObject for every value (null goes out untyped). */
    static void bind(PreparedStatement ps, NamedStatement st, Map<String, Object> values) throws SQLException {
        for (int i = 0; i < st.names.size(); i++) {
            String name = st.names.get(i);
            if (!values.containsKey(name)) throw new IllegalStateException("no value for :" + name);
            ps.setObject(i + 1, values.get(name));
        }
    }

    /** Literal SQL for a value, and the PostgreSQL type pgjdbc sends it as (for PREPARE / EXECUTE). */
    static String literal(Object v) {
        if (v == null) return "NULL";
        if (v instanceof OffsetDateTime t) return "'" + t + "'";
        if (v instanceof String s) return "'" + s.replace("'", "''") + "'";
        return v.toString();
    }

    static String pgType(Object v) {
        if (v == null) return "text"; // what the server infers for the untyped null (CAST(:comfort AS text))
        if (v instanceof Double) return "float8";
        if (v instanceof Integer) return "int4";
        if (v instanceof BigDecimal) return "numeric";
        if (v instanceof OffsetDateTime) return "timestamptz";
        return "varchar";
    }

    // ---------------------------------------------------------------------------------------------------------
    // The closed-loop runner

    interface Target extends AutoCloseable {
        /** One client thread's session (a connection for SQL). */
        Session open() throws Exception;

        @Override
        default void close() {}
    }

    interface Session extends AutoCloseable {
        /** Runs one query; returns the rows (SQL) or bytes (HTTP) received. Throws on any failure. */
        long execute(Query q) throws Exception;

        default String planCounts() throws Exception {
            return null;
        }

        @Override
        default void close() throws Exception {}
    }

    static final class HttpTarget implements Target {
        final String base;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final AtomicLong errorsLogged = new AtomicLong();

        HttpTarget(String base) {
            this.base = base;
        }

        /**
         * The server's own count and total seconds of search requests (the application's
         * http_request_duration_seconds timer, first filter to last byte handed to Liberty), or null.
         */
        double[] serverTotals() {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                double count = Double.NaN, sum = Double.NaN;
                for (String line : r.body().split("\n")) {
                    if (line.startsWith("#") || !line.contains("trips/search") || !line.contains("method=\"GET\"")) continue;
                    String value = line.substring(line.lastIndexOf(' ') + 1);
                    if (line.startsWith("http_request_duration_seconds_count")) count = Double.parseDouble(value);
                    else if (line.startsWith("http_request_duration_seconds_sum")) sum = Double.parseDouble(value);
                }
                return Double.isNaN(count) || Double.isNaN(sum) ? null : new double[] {count, sum};
            } catch (Exception e) {
                return null;
            }
        }

        @Override
        public Session open() {
            return q -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/trips/search?" + q.queryString()))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    if (errorsLogged.incrementAndGet() <= 5) {
                        System.err.println("HTTP " + response.statusCode() + " for " + request.uri() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                    }
                    throw new IOException("HTTP " + response.statusCode());
                }
                return response.body().length;
            };
        }
    }

    static final class SqlTarget implements Target {
        final String url;
        final Properties props = new Properties();
        final NamedStatement statement;
        final int limit;

        SqlTarget(String url, String user, String password, NamedStatement statement, int limit, String options) {
            this.url = url;
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("prepareThreshold", "1");
            props.setProperty("ApplicationName", "allocar-bench");
            props.setProperty("options", options); // the options of the application's data source
            this.statement = statement;
            this.limit = limit;
        }

        @Override
        public Session open() throws SQLException {
            Connection c = DriverManager.getConnection(url, props);
            c.setAutoCommit(true);
            PreparedStatement ps = c.prepareStatement(statement.jdbcSql);
            return new Session() {
                @Override
                public long execute(Query q) throws Exception {
                    bind(ps, statement, parameters(q, limit));
                    long rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) rs.getObject(i); // every column, as the application maps them
                            rows++;
                        }
                    }
                    return rows;
                }

                @Override
                public String planCounts() throws SQLException {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) "
                                    + "FROM pg_prepared_statements WHERE statement LIKE '%trip_search_legs%'")) {
                        rs.next();
                        return rs.getLong(1) + "," + rs.getLong(2);
                    }
                }

                @Override
                public void close() throws SQLException {
                    ps.close();
                    c.close();
                }
            };
        }
    }

    /** Per-thread latency store (nanoseconds). */
    static final class Recorder {
        long[] values = new long[1 << 14];
        int size;
        long errors;
        long payload;

        void add(long nanos) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = nanos;
        }
    }

    record LevelResult(int concurrency, long count, long errors, double seconds, long[] sorted, double payloadAvg,
                       long genericPlans, long customPlans) {

        double percentileMs(double q) {
            if (sorted.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6;
        }
    }

    /**
     * Runs {@code concurrency} threads, each with its own session, for {@code seconds}; the queries are numbers
     * {@code base}, {@code base + 1}, … of the stream, taken in turn by whichever thread is free.
     */
    static LevelResult runLevel(Target target, int concurrency, double seconds, long seed, long base, LocalDate first,
                                int days, int radiusKm, boolean record) throws Exception {
        AtomicLong next = new AtomicLong(base);
        Recorder[] recorders = new Recorder[concurrency];
        Session[] sessions = new Session[concurrency];
        for (int i = 0; i < concurrency; i++) {
            sessions[i] = target.open();
            recorders[i] = new Recorder();
        }
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(concurrency);
        long[] deadline = new long[1];
        Thread[] threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            Session session = sessions[i];
            Recorder rec = recorders[i];
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < deadline[0]) {
                        Query q = query(seed, next.getAndIncrement(), first, days, radiusKm);
                        long t0 = System.nanoTime();
                        try {
                            rec.payload += session.execute(q);
                            rec.add(System.nanoTime() - t0);
                        } catch (Exception e) {
                            rec.errors++;
                            if (rec.errors > 1000) break;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "client-" + i);
            threads[i].start();
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + (long) (seconds * 1e9);
        start.countDown();
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long generic = 0, custom = 0;
        for (Session s : sessions) {
            String counts = s.planCounts();
            if (counts != null) {
                String[] gc = counts.split(",");
                generic += Long.parseLong(gc[0]);
                custom += Long.parseLong(gc[1]);
            }
            s.close();
        }
        if (!record) return null;
        int total = 0;
        long errors = 0, payload = 0;
        for (Recorder r : recorders) {
            total += r.size;
            errors += r.errors;
            payload += r.payload;
        }
        long[] all = new long[total];
        int at = 0;
        for (Recorder r : recorders) {
            System.arraycopy(r.values, 0, all, at, r.size);
            at += r.size;
        }
        Arrays.sort(all);
        return new LevelResult(concurrency, total, errors, elapsed, all, total == 0 ? 0 : (double) payload / total,
                generic, custom);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Commands

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        switch (argv[0]) {
            case "run" -> run(a);
            case "explain" -> explain(a);
            case "report" -> Report.write(a);
            default -> throw new IllegalArgumentException("unknown command " + argv[0]);
        }
    }

    static Map<String, String> args(String[] argv) {
        Map<String, String> a = new TreeMap<>();
        for (int i = 1; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + argv[i]);
            a.put(argv[i].substring(2), i + 1 < argv.length && !argv[i + 1].startsWith("--") ? argv[++i] : "true");
        }
        return a;
    }

    static String need(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) throw new IllegalArgumentException("missing --" + key);
        return v;
    }

    static Target target(Map<String, String> a) throws IOException {
        String mode = need(a, "mode");
        if (mode.equals("http")) return new HttpTarget(need(a, "base-url"));
        NamedStatement st = NamedStatement.load(Path.of(need(a, "sql-file")), a.getOrDefault("order", "departure_time"));
        return new SqlTarget(need(a, "jdbc-url"), need(a, "user"), need(a, "password"), st,
                Integer.parseInt(a.getOrDefault("limit", "20")),
                a.getOrDefault("pg-options", "-c jit=off -c max_parallel_workers_per_gather=0"));
    }

    static void run(Map<String, String> a) throws Exception {
        String mode = need(a, "mode");
        String label = a.getOrDefault("label", mode);
        long seed = Long.parseLong(a.getOrDefault("seed", "20261125"));
        LocalDate first = LocalDate.parse(need(a, "first-date"));
        int days = Integer.parseInt(need(a, "days"));
        int radiusKm = Integer.parseInt(a.getOrDefault("radius-km", "0"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "30"));
        double levelWarmup = Double.parseDouble(a.getOrDefault("level-warmup", "5"));
        double duration = Double.parseDouble(a.getOrDefault("duration", "30"));
        int[] levels = Arrays.stream(a.getOrDefault("levels", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        Path out = Path.of(need(a, "out"));
        Properties result = new Properties();
        result.setProperty("label", label);
        result.setProperty("mode", mode);
        result.setProperty("levels", a.getOrDefault("levels", "1,16,64"));
        result.setProperty("duration", String.valueOf(duration));
        result.setProperty("warmup", String.valueOf(warmup));
        result.setProperty("level_warmup", String.valueOf(levelWarmup));
        result.setProperty("loadavg_before", loadavg());
        if (radiusKm > 0) result.setProperty("radius_km", String.valueOf(radiusKm));
        List<long[]> issued = new ArrayList<>(); // {base, count} of every range sent, warm-up included
        try (Target target = target(a)) {
            if (warmup > 0) {
                int c = Math.min(16, Arrays.stream(levels).max().orElse(16));
                log(label + ": warming up " + warmup + " s at concurrency " + c);
                long base = 900_000_000L;
                LevelResult w = runLevel(target, c, warmup, seed, base, first, days, radiusKm, true);
                issued.add(new long[] {base, w.count + w.errors});
                result.setProperty("warmup.count", String.valueOf(w.count));
                result.setProperty("warmup.errors", String.valueOf(w.errors));
            }
            for (int li = 0; li < levels.length; li++) {
                int c = levels[li];
                long warmBase = 800_000_000L + li * 10_000_000L;
                if (levelWarmup > 0) {
                    LevelResult w = runLevel(target, c, levelWarmup, seed, warmBase, first, days, radiusKm, true);
                    issued.add(new long[] {warmBase, w.count + w.errors});
                }
                long base = li * 10_000_000L;
                double[] before = target instanceof HttpTarget h ? h.serverTotals() : null;
                LevelResult r = runLevel(target, c, duration, seed, base, first, days, radiusKm, true);
                double[] after = target instanceof HttpTarget h ? h.serverTotals() : null;
                if (before != null && after != null && after[0] > before[0]) {
                    result.setProperty("c" + c + ".server_mean", fmt((after[1] - before[1]) / (after[0] - before[0]) * 1000));
                }
                issued.add(new long[] {base, r.count + r.errors});
                String k = "c" + c + ".";
                result.setProperty(k + "count", String.valueOf(r.count));
                result.setProperty(k + "errors", String.valueOf(r.errors));
                result.setProperty(k + "seconds", fmt(r.seconds));
                result.setProperty(k + "p50", fmt(r.percentileMs(0.50)));
                result.setProperty(k + "p95", fmt(r.percentileMs(0.95)));
                result.setProperty(k + "p99", fmt(r.percentileMs(0.99)));
                result.setProperty(k + "max", fmt(r.percentileMs(1.0)));
                result.setProperty(k + "mean", fmt(r.meanMs()));
                result.setProperty(k + "rps", fmt(r.count / r.seconds));
                result.setProperty(k + "payload_avg", fmt(r.payloadAvg));
                if (mode.equals("sql")) {
                    result.setProperty(k + "generic_plans", String.valueOf(r.genericPlans));
                    result.setProperty(k + "custom_plans", String.valueOf(r.customPlans));
                }
                log(String.format(Locale.ROOT, "%s c=%d: %d requests (%d errors) in %.1f s, %.0f/s, P50 %.2f ms, P95 %.2f ms, P99 %.2f ms",
                        label, c, r.count, r.errors, r.seconds, r.count / r.seconds, r.percentileMs(0.5),
                        r.percentileMs(0.95), r.percentileMs(0.99)));
            }
        }
        // Repeats: how many of the queries sent (warm-up included) had been sent before in this run.
        Set<String> seen = new HashSet<>();
        long total = 0, repeats = 0;
        for (long[] range : issued) {
            for (long i = range[0]; i < range[0] + range[1]; i++) {
                total++;
                if (!seen.add(query(seed, i, first, days, radiusKm).queryString())) repeats++;
            }
        }
        result.setProperty("queries_sent", String.valueOf(total));
        result.setProperty("queries_repeated", String.valueOf(repeats));
        result.setProperty("loadavg_after", loadavg());
        try (var w = Files.newBufferedWriter(out)) {
            result.store(w, "bench/search " + label);
        }
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static void log(String s) {
        System.err.println("[bench] " + s);
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of representative searches, as the prepared statement runs them once it is
     * settled: PREPARE with the types pgjdbc sends, six executions with other dates (after five, PostgreSQL's
     * plan cache may switch to a generic plan), then EXPLAIN … EXECUTE.
     */
    static void explain(Map<String, String> a) throws Exception {
        NamedStatement st = NamedStatement.load(Path.of(need(a, "sql-file")), a.getOrDefault("order", "departure_time"));
        LocalDate date = LocalDate.parse(need(a, "date"));
        Properties props = new Properties();
        props.setProperty("user", need(a, "user"));
        props.setProperty("password", need(a, "password"));
        props.setProperty("options", "-c jit=off -c max_parallel_workers_per_gather=0");
        StringBuilder md = new StringBuilder();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String dollarSql = st.dollarSql(numbers);
        // Abidjan (Plateau) → Yamoussoukro, the busiest intercity search, at the default radius and a wider one.
        Query representative = new Query(5.3236, -4.0192, 6.8205, -5.2767, 25, date, 1, null, "Abidjan", "Yamoussoukro");
        Query wide = new Query(5.3236, -4.0192, 7.6906, -5.0300, 100, date, 1, null, "Abidjan", "Bouaké");
        try (Connection c = DriverManager.getConnection(need(a, "jdbc-url"), props); Statement s = c.createStatement()) {
            Map<String, Object> sample = parameters(representative, 20);
            List<String> types = new ArrayList<>();
            for (String name : numbers.keySet()) types.add(pgType(sample.get(name)));
            s.execute("PREPARE bench_search (" + String.join(", ", types) + ") AS " + dollarSql);
            for (int i = 1; i <= 6; i++) {
                Query warm = new Query(representative.fromLat, representative.fromLon, representative.toLat, representative.toLon,
                        25, date.plusDays(i), 1, null, "", "");
                try (ResultSet rs = s.executeQuery(execute(numbers, parameters(warm, 20), "EXECUTE"))) {
                    while (rs.next()) { /* drain */ }
                }
            }
            String genericNote;
            try (ResultSet rs = s.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'bench_search'")) {
                rs.next();
                genericNote = "after six executions the plan cache has made " + rs.getLong(1) + " generic and "
                        + rs.getLong(2) + " custom plans";
            }
            for (Query q : List.of(representative, wide)) {
                String title = String.format(Locale.ROOT, "%s → %s, %d km at each end, %s, 1 seat, first page of 20, sorted by departure time",
                        q.fromCity, q.toCity, q.radiusKm, q.date);
                md.append("#### ").append(title).append("\n\n");
                md.append("Parameters: from (").append(q.fromLat).append(", ").append(q.fromLon).append("), to (")
                        .append(q.toLat).append(", ").append(q.toLon).append("); ").append(genericNote).append(".\n\n```\n");
                try (ResultSet rs = s.executeQuery(execute(numbers, parameters(q, 20), "EXPLAIN (ANALYZE, BUFFERS) EXECUTE"))) {
                    while (rs.next()) md.append(rs.getString(1)).append('\n');
                }
                md.append("```\n\n");
            }
            s.execute("DEALLOCATE bench_search");
        }
        Files.writeString(Path.of(need(a, "out")), md.toString());
    }

    static String execute(Map<String, Integer> numbers, Map<String, Object> values, String prefix) {
        List<String> literals = new ArrayList<>();
        for (String name : numbers.keySet()) {
            if (!values.containsKey(name)) throw new IllegalStateException("no value for :" + name);
            literals.add(literal(values.get(name)));
        }
        return prefix + " bench_search(" + String.join(", ", literals) + ")";
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Writes bench/results/search.md from the run files, the data's sizes and the plan. */
    static final class Report {
        static void write(Map<String, String> a) throws Exception {
            Properties meta = load(Path.of(need(a, "meta")));
            Properties api = loadIfExists(a.get("api"));
            Properties sql = loadIfExists(a.get("sql"));
            Properties wide = loadIfExists(a.get("sql-wide"));
            StringBuilder md = new StringBuilder();
            md.append("# Trip search benchmark\n\n");
            md.append("Written by `bench/search` on ").append(meta.getProperty("finished")).append(" (see `bench/README.md`). ")
                    .append("Trips: **").append(group(meta.getProperty("trips"))).append("**.\n\n");
            md.append("Targets (issue TRIP-3): P95 under 50 ms at concurrency 16 on 2 cores with a million trips; API P95 / SQL P95 under 2.\n\n");

            md.append("## Results\n\n");
            String[] levels = (api != null ? api : sql != null ? sql : new Properties()).getProperty("levels", "1,16,64").split(",");
            md.append("| concurrency | API P50 ms | API P95 ms | API P99 ms | API req/s | SQL P50 ms | SQL P95 ms | SQL P99 ms | SQL req/s | API P95 / SQL P95 |\n");
            md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (String c : levels) {
                String k = "c" + c + ".";
                md.append("| ").append(c).append(" | ");
                md.append(cells(api, k)).append(cells(sql, k));
                if (api != null && sql != null && api.getProperty(k + "p95") != null && sql.getProperty(k + "p95") != null) {
                    md.append(String.format(Locale.ROOT, "%.2f", Double.parseDouble(api.getProperty(k + "p95")) / Double.parseDouble(sql.getProperty(k + "p95"))));
                } else {
                    md.append("—");
                }
                md.append(" |\n");
            }
            md.append('\n');
            if (api == null) md.append("**API not measured**: ").append(meta.getProperty("api_status", "skipped")).append(".\n\n");
            md.append(verdict(api, sql));
            md.append("Requests (measured, errors): ");
            List<String> counts = new ArrayList<>();
            for (String c : levels) {
                String k = "c" + c + ".";
                if (api != null) counts.add("API c=" + c + " " + group(api.getProperty(k + "count")) + " (" + api.getProperty(k + "errors") + ")");
                if (sql != null) counts.add("SQL c=" + c + " " + group(sql.getProperty(k + "count")) + " (" + sql.getProperty(k + "errors") + ")");
            }
            md.append(String.join(", ", counts)).append(". ");
            if (api != null) md.append(repeats("API", api));
            if (sql != null) md.append(repeats("SQL", sql));
            if (sql != null && sql.getProperty("c" + levels[levels.length - 1] + ".generic_plans") != null) {
                md.append("Plans made by the SQL run's prepared statements at the last level: ")
                        .append(sql.getProperty("c" + levels[levels.length - 1] + ".generic_plans")).append(" generic, ")
                        .append(sql.getProperty("c" + levels[levels.length - 1] + ".custom_plans")).append(" custom. ");
            }
            if (sql != null) md.append("Rows per SQL execution (≤ 20): ").append(sql.getProperty("c" + levels[0] + ".payload_avg")).append(" on average. ");
            if (api != null) {
                md.append("API response body: ").append(api.getProperty("c" + levels[0] + ".payload_avg")).append(" bytes on average. ");
                List<String> means = new ArrayList<>();
                for (String c : levels) {
                    String k = "c" + c + ".";
                    if (api.getProperty(k + "server_mean") != null) {
                        means.add(String.format(Locale.ROOT, "c=%s %.1f / %.1f", c, d(api, k + "mean"), d(api, k + "server_mean")));
                    }
                }
                if (!means.isEmpty()) {
                    md.append("API mean latency, client / server (the application's `http_request_duration_seconds`, inside Liberty) in ms: ")
                            .append(String.join(", ", means)).append(". ");
                }
                if (sql != null) {
                    List<String> sqlMeans = new ArrayList<>();
                    for (String c : levels) {
                        if (sql.getProperty("c" + c + ".mean") != null) sqlMeans.add(String.format(Locale.ROOT, "c=%s %.1f", c, d(sql, "c" + c + ".mean")));
                    }
                    md.append("SQL mean latency in ms: ").append(String.join(", ", sqlMeans)).append(". ");
                }
            }
            md.append("\n\n");
            if (wide != null) {
                md.append("The cost of a wide radius — SQL only, the same query stream with **every radius forced to ")
                        .append(wide.getProperty("radius_km", "100")).append(" km**:\n\n");
                md.append("| concurrency | SQL P50 ms | SQL P95 ms | SQL P99 ms | SQL req/s |\n| ---: | ---: | ---: | ---: | ---: |\n");
                for (String c : wide.getProperty("levels").split(",")) {
                    md.append("| ").append(c).append(" | ").append(cells(wide, "c" + c + ".")).append('\n');
                }
                md.append('\n');
            }

            md.append("## How it was measured\n\n");
            md.append("- One closed-loop Java client (`bench/lib/SearchBench.java`) for both targets: N threads, each sending its next query as soon as the previous answer is read; every latency kept, sorted, nearest-rank percentiles; req/s = answers / measured seconds.\n");
            md.append("- API: `GET /api/v1/trips/search` over HTTP/1.1 keep-alive (`java.net.http.HttpClient`) on the WAR built from this tree, Open Liberty, rate limits off (`ALLOCAR_RATE_LIMIT_*=0`), connection pool `ALLOCAR_DB_POOL_MAX=")
                    .append(meta.getProperty("pool_max", "20")).append("`, JVM options from the pom, per-request JSON log line on (as in production).\n");
            md.append("- SQL floor: `src/main/resources/com/allocar/trips/trip-search.sql` read at run time (from the copy the measured WAR was built from), `{order}` = `departure_time` (the API's default sort), server-side prepared statement (pgjdbc ")
                    .append(meta.getProperty("pgjdbc", "?")).append(", `prepareThreshold=1`), one connection per client thread, prepared once and executed again and again, every column of every row read.\n");
            md.append("- Queries: ").append("a city pair weighted by traffic (the generator's weights), each end within a few km of the city centre (normal, σ 2 km, ≤ 6 km, 5 decimals), a date among the ")
                    .append(meta.getProperty("days")).append(" full days from ").append(meta.getProperty("first_date"))
                    .append(", radius 25 km (60 %) / 10 km (20 %) / 50 km (20 %), 2 seats (20 %), a `price_max` near the route's usual price (15 %); API defaults for the rest (page 1 of 20). Seeded: both runs send the same queries.\n");
            md.append("- Timing: ").append(meta.getProperty("warmup")).append(" s of warm-up at concurrency 16 (JIT, pools, prepared statements, buffer cache; different queries from the measured ones), then per level ")
                    .append(meta.getProperty("level_warmup")).append(" s of warm-up and ").append(meta.getProperty("duration")).append(" s measured. The API runs first; Liberty is stopped before the SQL runs.\n");
            md.append("- Client, Liberty and PostgreSQL share the same machine: the client's own CPU use counts against both targets alike.\n");
            md.append("- Load average before / after — API: ").append(api == null ? "—" : api.getProperty("loadavg_before") + " / " + api.getProperty("loadavg_after"))
                    .append("; SQL: ").append(sql == null ? "—" : sql.getProperty("loadavg_before") + " / " + sql.getProperty("loadavg_after")).append(" (other engineers' builds share these cores). Before each run the script waits for the machine to be nearly idle: ")
                    .append(meta.getProperty("quiet", "—")).append(".\n\n");

            md.append("## Machine and software\n\n");
            md.append("- ").append(meta.getProperty("cpu")).append(", `nproc` = ").append(meta.getProperty("nproc"))
                    .append(", memory ").append(meta.getProperty("memory")).append('\n');
            md.append("- ").append(meta.getProperty("pg_version")).append(", PostGIS ").append(meta.getProperty("postgis_version")).append('\n');
            md.append("- PostgreSQL settings: ").append(meta.getProperty("pg_settings")).append('\n');
            md.append("- ").append(meta.getProperty("java_version")).append('\n');
            md.append("- Source tree at ").append(meta.getProperty("git")).append('\n').append('\n');

            md.append("## Data\n\n");
            md.append(Files.readString(Path.of(need(a, "data"))));
            md.append('\n');
            md.append("Phase times of this run (seconds): ").append(meta.getProperty("phases")).append(".\n\n");

            md.append("## Plan\n\n");
            md.append("`EXPLAIN (ANALYZE, BUFFERS)` after the runs (warm cache), through `PREPARE` with the parameter types pgjdbc sends and `EXECUTE`, as the settled prepared statement runs it.\n\n");
            Path plan = a.get("plan") == null ? null : Path.of(a.get("plan"));
            md.append(plan != null && Files.exists(plan) ? Files.readString(plan) : "(no plan)\n");
            Files.writeString(Path.of(need(a, "out")), md.toString());
        }

        static String verdict(Properties api, Properties sql) {
            StringBuilder s = new StringBuilder();
            if (api != null && api.getProperty("c16.p95") != null) {
                double p95 = Double.parseDouble(api.getProperty("c16.p95"));
                s.append(String.format(Locale.ROOT, "- API P95 at concurrency 16: **%.1f ms** — %s the 50 ms target.\n", p95, p95 < 50 ? "meets" : "misses"));
                if (sql != null && sql.getProperty("c16.p95") != null) {
                    double ratio = p95 / Double.parseDouble(sql.getProperty("c16.p95"));
                    s.append(String.format(Locale.ROOT, "- API P95 / SQL P95 at concurrency 16: **%.2f** — %s the target of 2.\n", ratio, ratio < 2 ? "meets" : "misses"));
                }
            } else if (sql != null && sql.getProperty("c16.p95") != null) {
                s.append(String.format(Locale.ROOT, "- SQL P95 at concurrency 16: **%.1f ms** (the floor; the API target is 50 ms).\n",
                        Double.parseDouble(sql.getProperty("c16.p95"))));
            }
            return s.length() == 0 ? "" : s.append('\n').toString();
        }

        static String repeats(String label, Properties p) {
            long sent = Long.parseLong(p.getProperty("queries_sent", "0"));
            long repeated = Long.parseLong(p.getProperty("queries_repeated", "0"));
            return String.format(Locale.ROOT, "%s run: %s queries sent (warm-up included), %s of them repeats of an earlier one (%.3f %%). ",
                    label, group(String.valueOf(sent)), group(String.valueOf(repeated)), sent == 0 ? 0.0 : 100.0 * repeated / sent);
        }

        static String cells(Properties p, String k) {
            if (p == null || p.getProperty(k + "p50") == null) return "— | — | — | — | ";
            return String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %.0f | ", d(p, k + "p50"), d(p, k + "p95"), d(p, k + "p99"), d(p, k + "rps"));
        }

        static double d(Properties p, String key) {
            return Double.parseDouble(p.getProperty(key));
        }

        static String group(String n) {
            if (n == null) return "?";
            try {
                return String.format(Locale.ROOT, "%,d", Long.parseLong(n));
            } catch (NumberFormatException e) {
                return n;
            }
        }

        static Properties load(Path p) throws IOException {
            Properties props = new Properties();
            try (var r = Files.newBufferedReader(p)) {
                props.load(r);
            }
            return props;
        }

        static Properties loadIfExists(String path) throws IOException {
            return path == null || !Files.exists(Path.of(path)) ? null : load(Path.of(path));
        }
    }
}
