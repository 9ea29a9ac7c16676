package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.cluster.ClusterCacheStats;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache gauges read the view the rules read, and the cache's last-event hook. */
class ClusterCacheMetricsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    private static MirrorSet set(MirrorSetKind kind, String name) {
        return new MirrorSet(kind, name, List.of());
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void anIndexReportsItsStateObjectsPerKindAndTheAgeOfItsLastEvent() {
        MirrorSetIndex index = MirrorSetIndex.of(List.of(set(MirrorSetKind.IDMS, "a"), set(MirrorSetKind.IDMS, "b"),
                set(MirrorSetKind.ICSP, "c")), ImageConfig.NONE);
        ClusterCacheStats stats = () -> Optional.of(Instant.parse("2026-01-01T00:08:30Z"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ClusterCacheMetrics(registry, index, stats, Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(1, gauge(registry, ClusterCacheMetrics.ENABLED));
        assertEquals(1, gauge(registry, ClusterCacheMetrics.SYNCED));
        assertEquals(2, gauge(registry, ClusterCacheMetrics.OBJECTS, "kind", "ImageDigestMirrorSet"));
        assertEquals(0, gauge(registry, ClusterCacheMetrics.OBJECTS, "kind", "ImageTagMirrorSet"));
        assertEquals(1, gauge(registry, ClusterCacheMetrics.OBJECTS, "kind", "ImageContentSourcePolicy"));
        assertEquals(90, gauge(registry, ClusterCacheMetrics.LAST_EVENT_AGE));

        // Read at scrape time: a cache that loses its watch shows it at the next scrape.
        index.setState(ClusterState.UNAVAILABLE);
        index.remove(MirrorSetKind.IDMS, "a");
        assertEquals(1, gauge(registry, ClusterCacheMetrics.ENABLED));
        assertEquals(0, gauge(registry, ClusterCacheMetrics.SYNCED));
        assertEquals(1, gauge(registry, ClusterCacheMetrics.OBJECTS, "kind", "ImageDigestMirrorSet"));
    }

    @Test
    void withoutACacheChecksAreOffAndNoEventHasArrived() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ClusterCacheMetrics(registry, ClusterView.OFF, ClusterCacheStats.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(0, gauge(registry, ClusterCacheMetrics.ENABLED));
        assertEquals(0, gauge(registry, ClusterCacheMetrics.SYNCED));
        assertEquals(0, gauge(registry, ClusterCacheMetrics.OBJECTS, "kind", "ImageDigestMirrorSet"));
        assertTrue(Double.isNaN(gauge(registry, ClusterCacheMetrics.LAST_EVENT_AGE)));
    }
}
