package io.idmswebhook.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.engine.ClusterAudit.Audited;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.IndexedEntry;
import io.idmswebhook.core.view.MirrorSetIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audit's shared per-source work and its incremental updates give exactly what the plain
 * {@link MirrorSetValidator#validate} gives for each object judged alone, on seeded random
 * clusters built to collide: few sources shared by many objects, prefixes and wildcards of each
 * other, mirrors that are other objects' sources, every kind, every policy, repeated and
 * conflicting lists, and image configs that block, mark insecure or allow.
 */
class ClusterAuditEquivalenceTest {

    private static final String[] SOURCES = {
        "quay.io", "quay.io/ns", "quay.io/ns/app", "quay.io/other", "*.example.com", "a.example.com",
        "a.example.com/team", "*.a.example.com", "b.example.com:5000/x", "registry.io/openshift-release-dev/ocp-release",
        "mirror.corp/ns", "Bad_Source",
    };
    private static final String[] MIRRORS = {
        "mirror.corp/ns", "mirror.corp/ns/app", "backup.corp:5000/ns", "quay.io/ns", "a.example.com/m",
        "mirror.corp", "third.corp/x", "UPPER.corp/x",
    };
    private static final String[] POLICIES = {null, null, "AllowContactingSource", "NeverContactSource", "Sometimes"};
    private static final MirrorSetKind[] KINDS = {MirrorSetKind.IDMS, MirrorSetKind.IDMS, MirrorSetKind.ITMS,
        MirrorSetKind.ICSP};

    /** The plain path: the review's view of the cluster copies nothing the audit shares. */
    private record Plain(MirrorSetIndex index) implements ClusterView {
        public ClusterState state() {
            return index.state();
        }

        public ImageConfig imageConfig() {
            return index.imageConfig();
        }

        public List<IndexedEntry> withSource(String source) {
            return index.withSource(source);
        }

        public List<IndexedEntry> covering(String location) {
            return index.covering(location);
        }

        public List<IndexedEntry> inside(String scope) {
            return index.inside(scope);
        }

        public Collection<MirrorSet> objects() {
            return index.objects();
        }
    }

    private final MirrorSetValidator validator = new MirrorSetValidator();
    private final ClusterAudit audit = ClusterAudit.of(validator);

    @Test
    void fullAndIncrementalAuditsJudgeEachObjectAsValidateDoes() {
        int partial = 0;
        int findings = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random rnd = new Random(seed);
            MirrorSetIndex cluster = new MirrorSetIndex(ClusterState.READY);
            int n = 2 + rnd.nextInt(seed % 10 == 0 ? 40 : 14);
            for (int i = 0; i < n; i++) {
                cluster.put(object(rnd, "o" + i));
            }
            cluster.setImageConfig(config(rnd));
            List<Audited> expected = plain(cluster);
            assertEquals(expected, audit.run(cluster), "full audit, seed " + seed);
            IncrementalAudit incremental = new IncrementalAudit(audit);
            assertEquals(expected, incremental.update(cluster), "first update, seed " + seed);
            for (int step = 0; step < 4; step++) {
                change(rnd, cluster, n);
                List<Audited> now = plain(cluster);
                assertEquals(now, incremental.update(cluster), "update " + step + ", seed " + seed);
                partial += incremental.lastJudged() < now.size() ? 1 : 0;
                for (Audited a : now) {
                    findings += a.decision().ruleIdList().isEmpty() ? 0 : 1;
                }
            }
        }
        // the comparison means something only if updates kept answers and clusters had findings
        assertTrue(partial > 200, "updates that judged only part of the cluster: " + partial);
        assertTrue(findings > 1000, "objects with findings: " + findings);
    }

    private List<Audited> plain(MirrorSetIndex cluster) {
        List<MirrorSet> objects = new ArrayList<>(cluster.objects());
        objects.sort(ClusterAudit.ORDER);
        ClusterView view = new Plain(cluster);
        List<Audited> out = new ArrayList<>();
        for (MirrorSet set : objects) {
            out.add(new Audited(set.kind(), set.name(), validator.validate(set, null, view)));
        }
        return out;
    }

    private static void change(Random rnd, MirrorSetIndex cluster, int n) {
        String name = "o" + rnd.nextInt(n + 2);
        switch (rnd.nextInt(6)) {
            case 0 -> cluster.remove(KINDS[rnd.nextInt(KINDS.length)], name);
            case 1 -> cluster.setImageConfig(config(rnd));
            case 2 -> {
                // an equal copy, as an informer's resync delivers it
                List<MirrorSet> all = new ArrayList<>(cluster.objects());
                MirrorSet s = all.get(rnd.nextInt(all.size()));
                cluster.put(new MirrorSet(s.kind(), s.name(), new ArrayList<>(s.entries())));
            }
            default -> cluster.put(object(rnd, name));
        }
    }

    private static MirrorSet object(Random rnd, String name) {
        MirrorSetKind kind = KINDS[rnd.nextInt(KINDS.length)];
        int entries = rnd.nextInt(4);
        List<MirrorEntry> list = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            // skewed towards the first sources, so that many objects share them
            String source = SOURCES[Math.min(rnd.nextInt(SOURCES.length), rnd.nextInt(SOURCES.length))];
            List<String> mirrors = new ArrayList<>();
            int m = rnd.nextInt(4);
            for (int j = 0; j < m; j++) {
                mirrors.add(rnd.nextInt(8) == 0 ? source : MIRRORS[rnd.nextInt(3 + rnd.nextInt(MIRRORS.length - 2))]);
            }
            String policy = kind == MirrorSetKind.ICSP ? null : POLICIES[rnd.nextInt(POLICIES.length)];
            list.add(new MirrorEntry(i, source, mirrors, policy));
        }
        return new MirrorSet(kind, name, list);
    }

    private static ImageConfig config(Random rnd) {
        List<String> allowed = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<String> insecure = new ArrayList<>();
        String[] scopes = {"mirror.corp", "quay.io/ns/app", "b.example.com", "backup.corp:5000", "third.corp"};
        for (String s : scopes) {
            switch (rnd.nextInt(8)) {
                case 0 -> blocked.add(s);
                case 1 -> insecure.add(s);
                case 2 -> allowed.add(s);
                default -> {
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("quay.io");
        }
        return new ImageConfig(allowed, blocked, insecure);
    }
}
