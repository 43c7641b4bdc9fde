package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The WAR that {@code scripts/run} and the Dockerfile deploy ({@code target/allocar.war}, made by {@code package})
 * holds no test code: no class that serves a path under {@code /_probes} (the conformance probes send any SMS or
 * mail and open provider checkouts without a login). The probes live in {@code src/probes/java} and only in the
 * test WAR that the integration-test server runs; finding them there shows that the check can see them.
 */
class ProductionWarIT {
    /** Every probe resource names its path in its {@code @Path}, so the string is in its constant pool. */
    private static final byte[] PROBE_PATH = "_probes".getBytes(StandardCharsets.UTF_8);

    private static Path war(String property) {
        Path war = Path.of(System.getProperty(property, "missing system property " + property));
        assertThat(war).as(property).isRegularFile();
        return war;
    }

    /** The classes of the application itself (WEB-INF/classes) that serve or name a probe path. */
    static List<String> probeClasses(Path war) throws IOException {
        List<String> probes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("WEB-INF/classes/") || !entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().contains("/probes/") || contains(in.readAllBytes(), PROBE_PATH)) {
                        probes.add(entry.getName());
                    }
                }
            }
        }
        return probes;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theProductionWarHoldsNoProbeClass() throws IOException {
        Path production = war("allocar.it.productionWar");
        assertThat(probeClasses(production)).as("probe classes in " + production).isEmpty();
        try (ZipFile zip = new ZipFile(production.toFile())) {
            assertThat(zip.getEntry("WEB-INF/classes/com/allocar/platform/api/AlloCarApplication.class"))
                    .as("the production WAR holds the application").isNotNull();
        }
    }

    @Test
    void theTestWarThatTheItServerRunsHoldsTheProbes() throws IOException {
        Path probes = war("allocar.it.probesWar");
        assertThat(probeClasses(probes)).contains(
                "WEB-INF/classes/com/allocar/platform/probes/ConformanceProbeResource.class",
                "WEB-INF/classes/com/allocar/notifications/NotificationProbeResource.class",
                "WEB-INF/classes/com/allocar/payments/provider/PaymentProviderProbeResource.class");
        assertThat(Files.size(probes)).isGreaterThan(Files.size(war("allocar.it.productionWar")));
    }
}
