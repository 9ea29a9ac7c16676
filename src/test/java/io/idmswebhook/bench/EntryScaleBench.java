package io.idmswebhook.bench;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement, excluded from the default build (run with
 * {@code mvn -o test -Dgroups=bench -Dtest=EntryScaleBench}). The rule engine's CPU per review of
 * one IDMS shaped as oc-mirror writes it (one repository per entry, one path mirror each, every
 * source distinct; the same shape as {@code bench/bodies/make-oc-mirror-body.sh}) at 100 to
 * 10,000 entries, against an empty cluster, so the curve of entries against cost shows whether
 * any rule is worse than linear in the size of one object.
 *
 * <p>The validator gets limits sized to the input: X3 is a check on the count and says nothing
 * about the cost of the rules behind it.
 */
@Tag("bench")
class EntryScaleBench {

    static final int[] SIZES = {100, 500, 2_500, 10_000};
    /** Entries validated before each size is measured: enough for C2 to have compiled the rules. */
    static final long WARMUP_ENTRIES = 5_000_000;
    static final long MEASURE_NANOS = 4_000_000_000L;

    static final String[] REGISTRIES = {"registry.redhat.io", "registry.redhat.io", "registry.redhat.io",
        "quay.io", "registry.access.redhat.com"};
    static final String[] NAMESPACES = {"rhel9", "rhel8", "openshift4", "ubi9", "rhacm2", "odf4",
        "openshift-gitops-1", "rh-sso-7", "amq7", "jboss-eap-7", "openshift-logging", "multicluster-engine"};
    static final String[] KINDS = {"operator", "rhel9-operator", "bundle", "operator-bundle", "rhel8",
        "controller", "webhook", "console-plugin"};

    static MirrorSet ocMirrorObject(int entries) {
        List<MirrorEntry> list = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            String path = NAMESPACES[i % NAMESPACES.length] + "/app-" + i + "-" + KINDS[i % KINDS.length];
            list.add(new MirrorEntry(i, REGISTRIES[i % REGISTRIES.length] + "/" + path,
                    List.of("mirror.corp.example.com:8443/olm/" + path), null));
        }
        return new MirrorSet(MirrorSetKind.IDMS, "idms-operator-0", list);
    }

    /** @param bytesPerEntry what the validating thread allocated per entry: the work, apart from where the data sits */
    record Row(int entries, int reviews, double cpuUsPerReview, double bytesPerEntry, double p50us, double p99us) {
        double nsPerEntry() {
            return cpuUsPerReview * 1_000 / entries;
        }
    }

    static Row run(int entries) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MirrorSet object = ocMirrorObject(entries);
        MirrorSetValidator validator = new MirrorSetValidator(new Limits(entries, 100, entries * 100, 1024));
        MirrorSetIndex cluster = new MirrorSetIndex(ClusterState.READY);
        Decision first = validator.validate(object, null, cluster);
        if (!first.allowed()) {
            throw new IllegalStateException("the oc-mirror object of " + entries + " entries was denied: "
                    + first.statusMessage());
        }
        long sink = 0;
        for (long done = 0; done < WARMUP_ENTRIES; done += entries) {
            sink += validator.validate(object, null, cluster).warnings().size();
        }
        long[] wall = new long[1 << 20];
        int n = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long end = System.nanoTime() + MEASURE_NANOS;
        for (long now = System.nanoTime(); now < end && n < wall.length; n++) {
            sink += validator.validate(object, null, cluster).warnings().size();
            long after = System.nanoTime();
            wall[n] = after - now;
            now = after;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
        if (sink == Long.MIN_VALUE) {
            System.out.println();
        }
        long[] t = Arrays.copyOf(wall, n);
        Arrays.sort(t);
        return new Row(entries, n, cpu / 1e3 / n, (double) bytes / n / entries, t[n / 2] / 1e3, t[Math.min(n - 1, n * 99 / 100)] / 1e3);
    }

    @Test
    void measure() {
        List<Row> rows = new ArrayList<>();
        for (int entries : SIZES) {
            rows.add(run(entries));
            System.out.println(rows.get(rows.size() - 1));
        }
        Row smallest = rows.get(0);
        StringBuilder sb = new StringBuilder("\n| entries | reviews | CPU µs/review | ns/entry | x of "
                + smallest.entries() + " entries per entry | bytes allocated/entry | p50 µs | p99 µs |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.0f | %.2f | %,.0f | %.1f | %.1f |%n",
                    r.entries(), r.reviews(), r.cpuUsPerReview(), r.nsPerEntry(), r.nsPerEntry() / smallest.nsPerEntry(),
                    r.bytesPerEntry(), r.p50us(), r.p99us()));
        }
        System.out.println(sb);
    }
}
