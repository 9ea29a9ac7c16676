package io.idmswebhook.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.HttpURLConnection;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One watched resource: its informer, and what to do when its CRD is missing. On a cluster
 * without the CRD (vanilla Kubernetes, or ICSP removed in a later OpenShift) the list answers
 * 404; the kind is then skipped with one log line and tried again every
 * {@code idms.cluster-checks.missing-kind-retry}, so installing the CRD later is picked up
 * without a restart. Any other failure (API server unreachable, 403) is left to the informer's
 * own reconnect with back-off, and the cache reports the view unavailable meanwhile.
 */
final class InformedKind<T extends HasMetadata> {

    private static final Logger LOG = Logger.getLogger(InformedKind.class);

    /** Where the objects go. */
    interface Sink<T> {
        void upsert(T object);

        void delete(T object);

        /** The kind went away (CRD deleted): forget all of its objects. */
        void clear();
    }

    private final ClusterCache cache;
    private final String name;
    private final Supplier<Informable<T>> informable;
    private final Runnable probe;
    private final Sink<T> sink;

    private volatile SharedIndexInformer<T> informer;
    private volatile boolean absent;
    private volatile boolean syncedOnce;
    private volatile boolean stopping;

    /**
     * @param probe a one-item list of the kind: it tells a missing CRD (404) apart before an
     *              informer is made, so a cluster without the CRD gets one log line instead of
     *              the informer's error at every retry
     */
    InformedKind(ClusterCache cache, String name, Supplier<Informable<T>> informable, Runnable probe, Sink<T> sink) {
        this.cache = cache;
        this.name = name;
        this.informable = informable;
        this.probe = probe;
        this.sink = sink;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        if (stopping) {
            return;
        }
        try {
            probe.run();
        } catch (RuntimeException e) {
            if (notFound(e)) {
                missing();
                return;
            }
            // Unreachable, forbidden, ...: the informer retries those itself and the cache
            // reports the view unavailable meanwhile.
        }
        if (absent) {
            // Served now: from here the kind counts as not current until its informer has synced,
            // so the view is not READY while its objects are still being listed.
            absent = false;
            LOG.infof("%s is installed now: its objects are included in cross-object checks", name);
        }
        SharedIndexInformer<T> inf = informable.get().runnableInformer(0);
        inf.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                sink.upsert(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                sink.upsert(newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                sink.delete(obj);
            }
        });
        // A missing CRD ends this informer (a new one is made later); everything else is retried
        // by the informer itself, including a failed first list while the API server is down.
        inf.exceptionHandler((started, t) -> !notFound(t));
        informer = inf;
        if (stopping) {
            return;
        }
        inf.start().whenComplete((ok, failure) -> {
            if (failure == null) {
                syncedOnce = true;
            }
        });
        inf.stopped().whenComplete((ok, failure) -> ended(inf, failure));
    }

    private void ended(SharedIndexInformer<T> inf, Throwable failure) {
        if (stopping || inf != informer) {
            return;
        }
        if (notFound(failure)) {
            missing();
            return;
        }
        sink.clear();
        LOG.warnf("the informer for %s stopped (%s); starting a new one in %s", name,
                failure == null ? "no reason given" : failure.getMessage(), cache.missingKindRetry());
        cache.schedule(this::start, cache.missingKindRetry());
    }

    private void missing() {
        sink.clear();
        if (!absent) {
            LOG.infof("%s is not served by this cluster (404, CRD not installed); skipped, looking again every %s",
                    name, cache.missingKindRetry());
        }
        absent = true;
        cache.schedule(this::start, cache.missingKindRetry());
    }

    /**
     * Not synchronized: {@link #start} holds the lock through a blocking probe, and shutdown must
     * not wait for its HTTP timeout. A start that is under way sees {@code stopping} and stops
     * its informer itself.
     */
    void stop() {
        stopping = true;
        SharedIndexInformer<T> inf = informer;
        if (inf != null) {
            inf.stop();
        }
    }

    /** The objects of this kind in the index are the cluster's now (or the kind does not exist). */
    boolean current() {
        if (absent) {
            return true;
        }
        SharedIndexInformer<T> inf = informer;
        return inf != null && inf.isRunning() && inf.hasSynced() && inf.isWatching();
    }

    boolean absent() {
        return absent;
    }

    boolean syncedOnce() {
        return syncedOnce;
    }

    String describe() {
        if (absent) {
            return "not installed";
        }
        SharedIndexInformer<T> inf = informer;
        if (inf == null || !inf.isRunning()) {
            return "stopped";
        }
        if (!inf.hasSynced()) {
            return "listing";
        }
        return inf.isWatching() ? "watching" : "reconnecting";
    }

    static boolean notFound(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
