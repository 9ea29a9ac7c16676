package io.idmswebhook.ops;

import io.idmswebhook.cluster.ClusterCacheStats;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.model.MirrorSetKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the cross-object rules see a current cluster: read at scrape time from the same
 * {@link ClusterView} the rules read, so the gauges cannot disagree with what a review sees.
 */
@Singleton
@Startup
public class ClusterCacheMetrics {

    public static final String ENABLED = "idms.webhook.cluster.checks.enabled";
    public static final String SYNCED = "idms.webhook.cluster.cache.synced";
    public static final String OBJECTS = "idms.webhook.cluster.cache.objects";
    public static final String LAST_EVENT_AGE = "idms.webhook.cluster.cache.last.event.age";

    private final ClusterView view;
    private final ClusterCacheStats stats;
    private final Clock clock;

    @Inject
    public ClusterCacheMetrics(MeterRegistry registry, ClusterView view, ClusterCacheStats stats) {
        this(registry, view, stats, Clock.systemUTC());
    }

    ClusterCacheMetrics(MeterRegistry registry, ClusterView view, ClusterCacheStats stats, Clock clock) {
        // The injected view is a CDI proxy; the index behind it is what can count objects.
        this.view = ClientProxy.unwrap(view);
        this.stats = stats;
        this.clock = clock;
        Gauge.builder(ENABLED, this, m -> m.view.state() == ClusterState.OFF ? 0 : 1)
                .description("1 when cross-object checks are configured on (idms.cluster-checks), 0 when off")
                .strongReference(true)
                .register(registry);
        Gauge.builder(SYNCED, this, m -> m.view.state() == ClusterState.READY ? 1 : 0)
                .description("1 when the cluster view is current and cross-object rules run, else 0")
                .strongReference(true)
                .register(registry);
        for (MirrorSetKind kind : MirrorSetKind.values()) {
            Gauge.builder(OBJECTS, this, m -> m.objects(kind))
                    .description("Objects of each kind in the cluster cache; 0 without a cache")
                    .tag("kind", kind.kind())
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder(LAST_EVENT_AGE, this, ClusterCacheMetrics::lastEventAgeSeconds)
                .description("Seconds since the cluster cache last received an event; NaN before the first or without a cache")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    double objects(MirrorSetKind kind) {
        return view instanceof MirrorSetIndex index ? index.size(kind) : 0;
    }

    double lastEventAgeSeconds() {
        Optional<Instant> last = stats.lastEvent();
        if (last.isEmpty()) {
            return Double.NaN;
        }
        return Duration.between(last.get(), clock.instant()).toMillis() / 1000.0;
    }
}
