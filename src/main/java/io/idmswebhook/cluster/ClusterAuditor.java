package io.idmswebhook.cluster;

import io.idmswebhook.core.engine.ClusterAudit;
import io.idmswebhook.core.engine.ClusterAudit.Audited;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.IncrementalAudit;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.json.AuditJson;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The audit of what is already in the cluster (with cluster checks on): after the first sync
 * every object is judged ({@link ClusterAudit}), and after every change of the cache the objects
 * whose answer the change can touch ({@link IncrementalAudit}), on one worker thread of its own. The informer threads only flag that a run is due: changes that arrive
 * while one is due or running are folded into the next run, so a burst of writes (or the first
 * list of thousands of objects) costs one or two runs, not one per object.
 *
 * <p>The result is kept whole and replaced at once, together with its JSON, so {@code GET /audit}
 * serves bytes and never waits for a run. Each object whose findings changed is logged once, when
 * they change.
 *
 * <p>One class, because scheduling the runs, the report each run replaces and the log of what
 * changed since the last report share the one worker thread and its state, so nothing between
 * them needs a lock.
 */
@ApplicationScoped
public class ClusterAuditor {

    private static final Logger LOG = Logger.getLogger(ClusterAuditor.class);

    /** Long enough to fold an informer's burst of events into one run, short against a person reading. */
    static final Duration COALESCE = Duration.ofMillis(100);

    /** Object lines logged per run at most; the rest are in GET /audit. */
    static final int MAX_LOGGED = 50;

    /** One finished audit. */
    public record Report(Instant at, long nanos, List<Audited> objects, byte[] json) {

        public int denied() {
            int n = 0;
            for (Audited a : objects) {
                n += a.decision().allowed() ? 0 : 1;
            }
            return n;
        }
    }

    private final ClusterViewProducer producer;
    private final ClusterCache cache;
    private final Enforcement enforcement;
    /** Only the worker touches it. */
    private final IncrementalAudit audit;
    private final AtomicBoolean due = new AtomicBoolean();
    private final List<Consumer<Report>> listeners = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService worker;
    private volatile Report latest;
    /** What was logged last per object; only the worker touches it. */
    private Map<String, Decision> logged = new HashMap<>();
    private boolean loggedOnce;

    ClusterAuditor(ClusterViewProducer producer, ClusterCache cache, Enforcement enforcement) {
        this.producer = producer;
        this.cache = cache;
        this.enforcement = enforcement;
        this.audit = new IncrementalAudit(ClusterAudit.of(new MirrorSetValidator(Limits.DEFAULT, enforcement)));
    }

    void start(@Observes StartupEvent event) {
        if (producer.mode() == ClusterChecks.OFF) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idms-audit");
            t.setDaemon(true);
            return t;
        });
        cache.onChange(this::changed);
        // The view may have become current before the listener was in place.
        changed();
    }

    @PreDestroy
    void stop() {
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
        }
    }

    public boolean enabled() {
        return producer.mode() != ClusterChecks.OFF;
    }

    public Enforcement enforcement() {
        return enforcement;
    }

    /** The last finished audit, or null before the first. */
    public Report latest() {
        return latest;
    }

    /** Told of every finished audit, on the audit's thread (for the metrics). */
    public void onReport(Consumer<Report> listener) {
        listeners.add(listener);
    }

    /** From the informer and timer threads: flags a run and returns. */
    void changed() {
        ScheduledExecutorService w = worker;
        if (w == null || cache.index().state() != ClusterState.READY) {
            // Judging against a view that is not current would report what is not so; the
            // cache calls again when the view is current.
            return;
        }
        if (due.compareAndSet(false, true)) {
            try {
                w.schedule(this::run, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                due.set(false);
            }
        }
    }

    private void run() {
        // Cleared first: a change from now on schedules the next run, which sees it.
        due.set(false);
        if (cache.index().state() != ClusterState.READY) {
            return;
        }
        try {
            long start = System.nanoTime();
            List<Audited> objects = audit.update(cache.index());
            long nanos = System.nanoTime() - start;
            Instant at = Instant.now();
            // on one line: at 10,000 objects the indentation alone was megabytes held for GET /audit
            byte[] json = AuditJson.report(objects, at, nanos, enforcement).toString().getBytes(StandardCharsets.UTF_8);
            Report report = new Report(at, nanos, List.copyOf(objects), json);
            latest = report;
            logChanges(report);
            for (Consumer<Report> l : listeners) {
                l.accept(report);
            }
        } catch (RuntimeException e) {
            // A bug in one run must not end the worker: the next change runs it again.
            LOG.errorf(e, "the audit of the cluster's mirror sets failed; GET /audit keeps the previous result");
        }
    }

    private void logChanges(Report report) {
        Map<String, Decision> now = new HashMap<>(report.objects().size() * 2);
        List<String> lines = new ArrayList<>();
        int denied = 0;
        for (Audited a : report.objects()) {
            Decision d = a.decision();
            now.put(a.ref(), d);
            denied += d.allowed() ? 0 : 1;
            Decision before = logged.get(a.ref());
            if (d.equals(before) || before == null && d.ruleIdList().isEmpty()) {
                continue;
            }
            lines.add(line(a.ref(), d));
        }
        for (String ref : logged.keySet()) {
            if (!now.containsKey(ref) && !logged.get(ref).ruleIdList().isEmpty()) {
                lines.add(ref + ": no longer in the cluster; its findings are gone");
            }
        }
        boolean first = !loggedOnce;
        loggedOnce = true;
        logged = now;
        if (lines.isEmpty() && !first) {
            return;
        }
        LOG.infof("audit of %d mirror set(s) in %d ms: %d would be denied if written now; %d changed result(s); "
                + "GET /audit on the management port lists them", report.objects().size(), report.nanos() / 1_000_000,
                denied, lines.size());
        for (int i = 0; i < lines.size() && i < MAX_LOGGED; i++) {
            LOG.info("audit: " + lines.get(i));
        }
        if (lines.size() > MAX_LOGGED) {
            LOG.infof("audit: and %d more changed result(s); see GET /audit", lines.size() - MAX_LOGGED);
        }
    }

    private static String line(String ref, Decision d) {
        if (!d.allowed()) {
            return ref + ": would be denied [" + d.ruleIdList() + "]: " + d.denials().get(0).message()
                    + (d.denials().size() > 1 ? " (and " + (d.denials().size() - 1) + " more)" : "");
        }
        if (d.ruleIdList().isEmpty()) {
            return ref + ": no findings any more";
        }
        return ref + ": allowed with findings [" + d.ruleIdList() + "]";
    }
}
