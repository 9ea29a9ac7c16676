package io.idmswebhook.bench;

import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement, excluded from the default build (run with
 * {@code mvn -o test -Dgroups=bench -Dtest=ClusterScaleBench}). Validator latency with 0, 1,000
 * and 10,000 existing IDMS objects of 10 entries each, and the heap the index holds for them.
 *
 * <p>Two source layouts. "spread": 50 registry hosts, and each exact source is named by about four
 * entries in the cluster whatever its size (teams mirror their own repositories, a few objects
 * overlap), which is how the rule book expects clusters to look. "hot": every object draws its
 * sources from the same 50 exact strings, so each source is shared by N/5 entries; the rules must
 * then read all of them (the merge of one source takes every list naming it), so this shows the
 * cost of that work rather than of the index.
 */
@Tag("bench")
class ClusterScaleBench {

    static final int ENTRIES = 10;
    static final int HOSTS = 50;
    static final int WARMUP = 20_000;
    static final int MEASURED = 20_000;

    static String host(int k) {
        return "registry" + (k % HOSTS) + ".corp.example";
    }

    /** Source number k of a pool of {@code pool} sources. */
    static String source(int k, int pool) {
        return host(k) + "/team" + (k / HOSTS) % Math.max(1, pool / HOSTS) + "/app" + (k % 7);
    }

    static MirrorSet object(String name, Random rnd, int pool, boolean hot) {
        List<MirrorEntry> entries = new ArrayList<>(ENTRIES);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            String src;
            do {
                src = hot ? host(rnd.nextInt(HOSTS)) + "/shared" : source(rnd.nextInt(pool), pool);
            } while (used.contains(src));
            used.add(src);
            String path = src.substring(src.indexOf('/'));
            // Varied mirrors: one of a few mirror registries per source, in either order.
            String m1 = "mirror" + rnd.nextInt(3) + ".corp.example" + path;
            String m2 = "backup" + rnd.nextInt(3) + ".corp.example:5000" + path;
            List<String> mirrors = rnd.nextBoolean() ? List.of(m1, m2) : List.of(m2, m1);
            entries.add(new MirrorEntry(i, src, mirrors, rnd.nextInt(10) == 0 ? "AllowContactingSource" : null));
        }
        return new MirrorSet(MirrorSetKind.IDMS, name, entries);
    }

    static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    record Row(String layout, int objects, double p50us, double p99us, double heapMiB) {
    }

    static Row run(int n, boolean hot) throws InterruptedException {
        Random rnd = new Random(42);
        // Each exact source is named by about four entries in "spread", at every cluster size.
        int pool = Math.max(HOSTS * 4, n * ENTRIES / 4);
        long before = usedHeap();
        MirrorSetIndex index = new MirrorSetIndex(ClusterState.READY);
        for (int i = 0; i < n; i++) {
            index.put(object("existing-" + i, rnd, pool, hot));
        }
        long heap = usedHeap() - before;
        MirrorSetValidator validator = new MirrorSetValidator();
        MirrorSet[] reviewed = new MirrorSet[64];
        for (int i = 0; i < reviewed.length; i++) {
            reviewed[i] = object("reviewed-" + i, rnd, pool, hot);
        }
        long sink = 0;
        // Fewer rounds when one validation is slow, so a row takes seconds, not minutes.
        long deadline = System.nanoTime() + 5_000_000_000L;
        int warm = 0;
        for (; warm < WARMUP && System.nanoTime() < deadline; warm++) {
            Decision d = validator.validate(reviewed[warm % reviewed.length], null, index);
            sink += d.warnings().size();
        }
        int rounds = warm == WARMUP ? MEASURED : Math.max(500, warm);
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            Decision d = validator.validate(reviewed[i % reviewed.length], null, index);
            t[i] = System.nanoTime() - s;
            sink += d.warnings().size();
        }
        Arrays.sort(t);
        if (sink == 42) {
            System.out.println();
        }
        return new Row(hot ? "hot" : "spread", n, t[rounds / 2] / 1e3, t[rounds * 99 / 100] / 1e3,
                heap / (1024.0 * 1024.0));
    }

    @Test
    void measure() throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (boolean hot : new boolean[] {false, true}) {
            for (int n : new int[] {0, 1_000, 10_000}) {
                rows.add(run(n, hot));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        StringBuilder sb = new StringBuilder("\n| layout | existing IDMS | p50 µs | p99 µs | index heap MiB |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |%n", r.layout(), r.objects(),
                    r.p50us(), r.p99us(), r.heapMiB()));
        }
        System.out.println(sb);
    }
}
