package io.idmswebhook.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.config.v1.Image;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSet;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSet;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicy;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.json.MirrorSetTranslator;
import io.idmswebhook.json.ShapeException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The cluster's mirror sets and image config, kept current by informers and stored in one
 * {@link MirrorSetIndex} that the admission path reads without locks.
 *
 * <p>Nothing here runs until {@link #start()}: with {@code idms.cluster-checks=off} the
 * Kubernetes client is never created, so the embedded mode needs no kubeconfig and opens no
 * connection. Informers start asynchronously, so a slow or absent API server never delays the
 * HTTPS listener; until every informer that can run has listed its kind the index says
 * UNAVAILABLE and the rules answer with [X2].
 *
 * <p>The informers, the state derived from them and the sinks that fill the index are one class
 * because the state is a function of all the informers together (current only when every kind
 * that exists is); one informer's own lifecycle (probe, retry, watch) is {@link InformedKind}'s.
 */
@ApplicationScoped
public class ClusterCache {

    private static final Logger LOG = Logger.getLogger(ClusterCache.class);
    private static final ObjectMapper TREES = new ObjectMapper();

    /** A probe needs one item at most: it only asks whether the kind is served. */
    private static final ListOptions ONE = new ListOptionsBuilder().withLimit(1L).build();

    private final MirrorSetIndex index = new MirrorSetIndex(ClusterState.UNAVAILABLE);

    @Inject
    Instance<KubernetesClient> clients;

    @ConfigProperty(name = "idms.cluster-checks.missing-kind-retry", defaultValue = "60s")
    Duration missingKindRetry;

    /**
     * How long a broken watch may take to reconnect before the view counts as unavailable. The
     * API server closes every watch after a few minutes by design and the informer re-lists at
     * once; a write in that window should not get [X2] for a view that is seconds old.
     */
    @ConfigProperty(name = "idms.cluster-checks.watch-grace", defaultValue = "5s")
    Duration watchGrace;

    private final Map<String, InformedKind<?>> kinds = new LinkedHashMap<>();
    private volatile ScheduledExecutorService timer;
    private volatile Instant startedAt;
    private volatile Instant firstSyncAt;
    private volatile Instant lostAt;
    private volatile Instant lastEvent;
    private volatile Runnable changeListener = () -> { };

    /** The view the rules read in ON mode; its state follows the informers. */
    public MirrorSetIndex index() {
        return index;
    }

    /**
     * Told after every change of the index and whenever the view becomes current, on the informer
     * and timer threads: it must return at once (the audit only schedules itself).
     */
    public void onChange(Runnable listener) {
        changeListener = listener;
    }

    private void changed() {
        changeListener.run();
    }

    /** Creates the client and starts every informer; returns at once. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        KubernetesClient client = clients.get();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idms-cluster-cache");
            t.setDaemon(true);
            return t;
        });
        startedAt = Instant.now();
        add(new InformedKind<>(this, "imagedigestmirrorsets.config.openshift.io",
                () -> client.resources(ImageDigestMirrorSet.class),
                () -> client.resources(ImageDigestMirrorSet.class).list(ONE),
                mirrorSets(MirrorSetKind.IDMS)));
        add(new InformedKind<>(this, "imagetagmirrorsets.config.openshift.io",
                () -> client.resources(ImageTagMirrorSet.class),
                () -> client.resources(ImageTagMirrorSet.class).list(ONE),
                mirrorSets(MirrorSetKind.ITMS)));
        add(new InformedKind<>(this, "imagecontentsourcepolicies.operator.openshift.io",
                () -> client.resources(ImageContentSourcePolicy.class),
                () -> client.resources(ImageContentSourcePolicy.class).list(ONE),
                mirrorSets(MirrorSetKind.ICSP)));
        // Only the object named cluster configures the nodes; watching it by name keeps the list
        // and watch to that one object.
        add(new InformedKind<>(this, "images.config.openshift.io/" + MirrorSetTranslator.IMAGE_CONFIG_NAME,
                () -> client.resources(Image.class).withName(MirrorSetTranslator.IMAGE_CONFIG_NAME),
                () -> client.resources(Image.class).withField("metadata.name", MirrorSetTranslator.IMAGE_CONFIG_NAME).list(),
                imageConfigSink()));
        // Starting makes a blocking probe call: never on the startup thread, nor on the timer
        // that keeps the state current.
        kinds.values().forEach(k -> CompletableFuture.runAsync(k::start));
        timer.scheduleWithFixedDelay(this::refreshState, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void add(InformedKind<?> kind) {
        kinds.put(kind.name(), kind);
    }

    @PreDestroy
    synchronized void stop() {
        if (timer == null) {
            return;
        }
        kinds.values().forEach(InformedKind::stop);
        timer.shutdownNow();
    }

    /**
     * READY while every kind that exists is synced and watched; a watch may be down for at most
     * {@link #watchGrace}. A kind whose CRD is not installed does not hold readiness back.
     */
    void refreshState() {
        boolean current = !kinds.isEmpty();
        for (InformedKind<?> k : kinds.values()) {
            current &= k.current();
        }
        Instant now = Instant.now();
        if (current) {
            if (firstSyncAt == null) {
                firstSyncAt = now;
                LOG.infof("cluster view synced in %d ms: %s", Duration.between(startedAt, now).toMillis(), summary());
            } else if (index.state() != ClusterState.READY) {
                LOG.infof("cluster view current again: %s", summary());
            }
            lostAt = null;
            boolean wasReady = index.state() == ClusterState.READY;
            index.setState(ClusterState.READY);
            if (!wasReady) {
                changed();
            }
            return;
        }
        if (lostAt == null) {
            lostAt = now;
        }
        boolean withinGrace = firstSyncAt != null && allSyncedOnce()
                && Duration.between(lostAt, now).compareTo(watchGrace) < 0;
        if (!withinGrace && index.state() == ClusterState.READY) {
            LOG.warnf("cluster view unavailable (%s): cross-object checks are skipped and say so [X2] until it recovers",
                    summary());
            index.setState(ClusterState.UNAVAILABLE);
        }
    }

    private boolean allSyncedOnce() {
        for (InformedKind<?> k : kinds.values()) {
            if (!k.absent() && !k.syncedOnce()) {
                return false;
            }
        }
        return true;
    }

    void schedule(Runnable task, Duration delay) {
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            t.schedule(() -> CompletableFuture.runAsync(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    Duration missingKindRetry() {
        return missingKindRetry;
    }

    /** When an informer last delivered an object (the initial list included), for staleness alerts. */
    public Optional<Instant> lastEvent() {
        return Optional.ofNullable(lastEvent);
    }

    private void heard() {
        lastEvent = Instant.now();
    }

    /** When the informers were started, or null in OFF mode. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When every informer that can run had first synced, or null while that has not happened. */
    public Instant firstSyncAt() {
        return firstSyncAt;
    }

    /** Per watched resource: synced, reconnecting, not installed, ... for the readiness data. */
    public Map<String, String> status() {
        Map<String, String> out = new LinkedHashMap<>();
        kinds.values().forEach(k -> out.put(k.name(), k.describe()));
        return out;
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        for (InformedKind<?> k : kinds.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.name()).append(' ').append(k.describe());
        }
        sb.append("; ").append(index.size(MirrorSetKind.IDMS)).append(" IDMS, ")
                .append(index.size(MirrorSetKind.ITMS)).append(" ITMS, ")
                .append(index.size(MirrorSetKind.ICSP)).append(" ICSP");
        return sb.toString();
    }

    /**
     * Informer objects go through the same tree translator as admission requests, so a stored
     * object and a reviewed one can never be read differently.
     */
    private static MirrorSet translate(MirrorSetKind kind, HasMetadata object) throws ShapeException {
        JsonNode tree = TREES.valueToTree(object);
        return MirrorSetTranslator.read(kind, tree, object.getMetadata().getName());
    }

    private <T extends HasMetadata> InformedKind.Sink<T> mirrorSets(MirrorSetKind kind) {
        return new InformedKind.Sink<>() {
            @Override
            public void upsert(T object) {
                heard();
                try {
                    index.put(translate(kind, object));
                } catch (ShapeException e) {
                    // The API server stored it, so its schema let it through (or has none, as for
                    // ICSP); without a readable copy the other objects must not be judged against
                    // a stale one.
                    index.remove(kind, object.getMetadata().getName());
                    LOG.warnf("%s is left out of cross-object checks: %s", kind.ref(object.getMetadata().getName()),
                            e.getMessage());
                }
                changed();
            }

            @Override
            public void delete(T object) {
                heard();
                index.remove(kind, object.getMetadata().getName());
                changed();
            }

            @Override
            public void clear() {
                index.clear(kind);
                changed();
            }
        };
    }

    private InformedKind.Sink<Image> imageConfigSink() {
        return new InformedKind.Sink<>() {
            // the informer watches the one object by name, so every event is about it
            @Override
            public void upsert(Image image) {
                heard();
                index.setImageConfig(MirrorSetTranslator.imageConfig(TREES.valueToTree(image)));
                changed();
            }

            @Override
            public void delete(Image image) {
                heard();
                index.setImageConfig(ImageConfig.NONE);
                changed();
            }

            @Override
            public void clear() {
                index.setImageConfig(ImageConfig.NONE);
                changed();
            }
        };
    }
}
