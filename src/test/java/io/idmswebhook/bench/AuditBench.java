package io.idmswebhook.bench;

import io.idmswebhook.core.engine.ClusterAudit;
import io.idmswebhook.core.engine.IncrementalAudit;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.json.AuditJson;
import io.idmswebhook.core.engine.Enforcement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement, excluded from the default build (run with
 * {@code mvn -o test -Dgroups=bench -Dtest=AuditBench}). The audit of a cluster of 1,000 and
 * 10,000 IDMS objects (the layouts and objects of {@link ClusterScaleBench}), as the service runs
 * it ({@link IncrementalAudit}): the time of the first full audit in a fresh JVM, as after the
 * first sync (cold: no warm-up), with its JSON; the time of a later full audit (warm); the time of
 * the audit after one object changed, which is what a change of the cache costs; the size of the
 * JSON; and the heap the result and its JSON hold on top of the index.
 */
@Tag("bench")
class AuditBench {

    record Row(String layout, int objects, double firstMs, double warmMs, double changeMs, int rejudged,
               double jsonMiB, double indexMiB, double resultMiB, int denied) {
    }

    static Row run(int n, boolean hot) throws InterruptedException {
        Random rnd = new Random(42);
        int pool = Math.max(ClusterScaleBench.HOSTS * 4, n * ClusterScaleBench.ENTRIES / 4);
        long empty = ClusterScaleBench.usedHeap();
        MirrorSetIndex index = new MirrorSetIndex(ClusterState.READY);
        for (int i = 0; i < n; i++) {
            index.put(ClusterScaleBench.object("existing-" + i, rnd, pool, hot));
        }
        long withIndex = ClusterScaleBench.usedHeap();
        ClusterAudit audit = ClusterAudit.of(new MirrorSetValidator());
        IncrementalAudit service = new IncrementalAudit(audit);
        long start = System.nanoTime();
        List<ClusterAudit.Audited> result = service.update(index);
        byte[] json = json(result, System.nanoTime() - start);
        long first = System.nanoTime() - start;
        long withResult = ClusterScaleBench.usedHeap();
        long warm = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            List<ClusterAudit.Audited> again = audit.run(index);
            byte[] j = json(again, 0);
            warm = Math.min(warm, System.nanoTime() - s);
            // the JSON carries the run's time, so compare what was judged
            if (!again.equals(result) || j.length == 0) {
                throw new IllegalStateException("the same cluster audited twice gave different answers");
            }
        }
        long change = Long.MAX_VALUE;
        int rejudged = 0;
        for (int i = 0; i < 3; i++) {
            // one object rewritten with new mirrors, as one edit of the cluster
            index.put(ClusterScaleBench.object("existing-" + rnd.nextInt(n), rnd, pool, hot));
            long s = System.nanoTime();
            List<ClusterAudit.Audited> updated = service.update(index);
            byte[] j = json(updated, 0);
            change = Math.min(change, System.nanoTime() - s);
            rejudged = Math.max(rejudged, service.lastJudged());
            if (j.length == 0 || updated.size() != n) {
                throw new IllegalStateException("the audit after one change lost objects");
            }
        }
        if (!service.update(index).equals(audit.run(index))) {
            throw new IllegalStateException("the kept answers differ from a full audit of the same cluster");
        }
        int denied = 0;
        for (ClusterAudit.Audited a : result) {
            denied += a.decision().allowed() ? 0 : 1;
        }
        double mib = 1024.0 * 1024.0;
        Row row = new Row(hot ? "hot" : "spread", n, first / 1e6, warm / 1e6, change / 1e6, rejudged,
                json.length / mib, (withIndex - empty) / mib, (withResult - withIndex) / mib, denied);
        // Keep both alive until measured.
        if (result.size() + json.length == -1) {
            System.out.println(index);
        }
        return row;
    }

    /** As the service keeps it for GET /audit. */
    private static byte[] json(List<ClusterAudit.Audited> result, long nanos) {
        return AuditJson.report(result, Instant.now(), nanos, Enforcement.DEFAULT).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void measure() throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        // 10,000 first: the first run of the JVM is the cold one the service pays after its first sync.
        for (boolean hot : new boolean[] {false, true}) {
            for (int n : new int[] {10_000, 1_000}) {
                rows.add(run(n, hot));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        StringBuilder sb = new StringBuilder("\n| layout | objects | first audit ms | later audit ms | after one change ms"
                + " | judged again | JSON MiB | index heap MiB | result + JSON heap MiB | denied |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.1f | %d | %.1f | %.1f | %.1f | %d |%n",
                    r.layout(), r.objects(), r.firstMs(), r.warmMs(), r.changeMs(), r.rejudged(), r.jsonMiB(),
                    r.indexMiB(), r.resultMiB(), r.denied()));
        }
        System.out.println(sb);
    }
}
