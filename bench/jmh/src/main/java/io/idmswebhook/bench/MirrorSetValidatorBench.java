package io.idmswebhook.bench;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of validating a whole IDMS without a cluster (the work of one CREATE on the admission path,
 * minus JSON). Target for the 10-entry object: under 20 µs (issue 3, item 9).
 *
 * <p>The objects look like real mirror configuration and are allowed, so the engine runs every check
 * without stopping at a denial: several sources share a registry, every fifth source is split across
 * two entries (the merge runs, O3 warns), policies are mixed, and the two mirrors of each entry differ.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MirrorSetValidatorBench {

    @Param({"10", "200"})
    public int entries;

    private final MirrorSetValidator validator = new MirrorSetValidator();
    private MirrorSet object;

    @Setup
    public void setUp() {
        object = idms(entries);
        Decision d = validator.validate(object, null, ClusterView.OFF);
        if (!d.allowed()) {
            throw new IllegalStateException("the benchmark object must be allowed, got: " + d.statusMessage());
        }
    }

    static MirrorSet idms(int n) {
        String[] registries = {"quay.io", "registry.redhat.io", "registry.access.redhat.com", "docker.io",
            "gcr.io", "ghcr.io", "registry.k8s.io", "mcr.microsoft.com"};
        List<MirrorEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Every fifth entry repeats an earlier source so that the merge has several lists to combine.
            int team = i % 5 == 4 ? i - 1 : i;
            String repo = "team-" + team + "/app_" + team;
            String source = registries[team % registries.length] + "/" + repo;
            List<String> mirrors = i % 5 == 4
                    ? List.of("mirror-b.corp.example.com/" + repo, "mirror-c.corp.example.com/" + repo)
                    : List.of("mirror-a.corp.example.com:5000/" + repo, "mirror-b.corp.example.com/" + repo);
            // A split source keeps one effective policy, else P4 would deny the object.
            boolean split = i % 5 == 3 || i % 5 == 4;
            String policy = split ? null : switch (i % 3) {
                case 0 -> null;
                case 1 -> "AllowContactingSource";
                default -> "NeverContactSource";
            };
            list.add(new MirrorEntry(i, source, mirrors, policy));
        }
        return new MirrorSet(MirrorSetKind.IDMS, "bench-" + n, list);
    }

    @Benchmark
    public Decision validate() {
        return validator.validate(object, null, ClusterView.OFF);
    }
}
