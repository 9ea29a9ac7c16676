package io.idmswebhook.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The views' indexed scope queries against their definitions in {@link Scopes}, applied to every
 * entry one by one. The index and the review view answer from hash lookups of separator-ended
 * prefixes and from counts of source lengths; on random clusters, after random writes and
 * deletions, each query must list exactly the entries the definition selects, each once.
 */
class ScopeQueryAgreementTest {

    private static final String[] HOSTS = {"a.io", "b.a.io", "quay.io", "reg", "x.b.a.io"};
    private static final String[] PORTS = {"", "", ":5000", ":1"};
    private static final String[] PARTS = {"x", "y", "x-y", "x:tag", "x@sha256"};
    private static final String LONG = "p".repeat(300);

    private static String source(Random r) {
        int shape = r.nextInt(20);
        if (shape == 0) {
            return "*." + HOSTS[r.nextInt(HOSTS.length)];
        }
        if (shape == 1) {
            return "*x";
        }
        StringBuilder sb = new StringBuilder(HOSTS[r.nextInt(HOSTS.length)]).append(PORTS[r.nextInt(PORTS.length)]);
        if (shape == 2) {
            // past the last length slot the index counts
            sb.append('/').append(LONG);
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            sb.append('/').append(PARTS[r.nextInt(PARTS.length)]);
        }
        return sb.toString();
    }

    private static MirrorSet object(Random r, MirrorSetKind kind, String name) {
        List<MirrorEntry> entries = new ArrayList<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            entries.add(new MirrorEntry(entries.size(), r.nextInt(15) == 0 ? null : source(r),
                    List.of("mirror.example.com/m" + i), null));
        }
        return new MirrorSet(kind, name, entries);
    }

    /** Every location a rule could ask about: the sources, below them, and random ones. */
    private static List<String> queries(Collection<MirrorSet> sets, Random r) {
        Set<String> out = new LinkedHashSet<>();
        for (MirrorSet s : sets) {
            for (MirrorEntry e : s.entries()) {
                if (e.source() != null) {
                    out.add(e.source());
                    out.add(e.source() + "/z");
                    out.add(e.source() + ":9/z");
                    out.add(e.source() + "@sha256:0");
                }
            }
        }
        for (int i = 0; i < 20; i++) {
            out.add(source(r));
        }
        return new ArrayList<>(out);
    }

    private static String key(IndexedEntry e) {
        return e.kind() + "/" + e.objectName() + "[" + e.entry().index() + "] " + e.entry().source();
    }

    /** The entries as a sorted list of keys, repeats kept: a query that lists an entry twice fails. */
    private static List<String> keys(List<IndexedEntry> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(key(e)));
        out.sort(null);
        return out;
    }

    private static List<String> definition(Collection<MirrorSet> sets, String q, BiPredicate<String, String> selects) {
        List<String> out = new ArrayList<>();
        for (MirrorSet s : sets) {
            for (MirrorEntry e : s.entries()) {
                if (e.source() != null && selects.test(e.source(), q)) {
                    out.add(key(new IndexedEntry(s.kind(), s.name(), e)));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static void assertAgrees(ClusterView view, Collection<MirrorSet> sets, List<String> queries, String what) {
        Map<String, BiPredicate<String, String>> definitions = new TreeMap<>(Map.of(
                "withSource", String::equals,
                "covering", Scopes::covers,
                "enclosing", (source, q) -> Scopes.covers(source, q) && !source.equals(q),
                "inside", Scopes::strictlyInside));
        Map<String, Function<String, List<IndexedEntry>>> answers = Map.of(
                "withSource", view::withSource, "covering", view::covering,
                "enclosing", view::enclosing, "inside", view::inside);
        for (String q : queries) {
            definitions.forEach((name, selects) -> assertEquals(definition(sets, q, selects),
                    keys(answers.get(name).apply(q)), what + ": " + name + "(" + q + ")"));
        }
    }

    @Test
    void indexAnswersEveryQueryAsItsDefinitionAfterWritesAndDeletes() {
        Random r = new Random(20261202L);
        for (int c = 0; c < 300; c++) {
            MirrorSetIndex index = new MirrorSetIndex(ClusterState.READY);
            Map<String, MirrorSet> written = new TreeMap<>();
            for (int step = 0; step < 12; step++) {
                MirrorSetKind kind = MirrorSetKind.values()[r.nextInt(MirrorSetKind.values().length)];
                String name = "o" + r.nextInt(5);
                if (r.nextInt(4) == 0) {
                    index.remove(kind, name);
                    written.remove(kind + "/" + name);
                } else {
                    MirrorSet s = object(r, kind, name);
                    index.put(s);
                    written.put(kind + "/" + name, s);
                }
            }
            assertAgrees(index, written.values(), queries(written.values(), r), "cluster " + c);
        }
    }

    @Test
    void reviewViewAnswersForTheClusterWithTheObjectWritten() {
        Random r = new Random(20261203L);
        for (int c = 0; c < 300; c++) {
            List<MirrorSet> cluster = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                cluster.add(object(r, MirrorSetKind.values()[r.nextInt(3)], "o" + i));
            }
            // the reviewed object replaces its cluster copy (an UPDATE) or is new (a CREATE)
            MirrorSet reviewed = object(r, cluster.get(0).kind(), r.nextBoolean() ? "o0" : "new");
            List<MirrorSet> after = new ArrayList<>(cluster);
            after.removeIf(s -> s.sameObject(reviewed.kind(), reviewed.name()));
            after.add(reviewed);
            List<String> queries = queries(after, r);
            MirrorSetIndex index = MirrorSetIndex.of(cluster, ImageConfig.NONE);
            assertAgrees(new ReviewView(index, reviewed), after, queries, "cluster " + c);
            assertAgrees(new ReviewView(ClusterView.OFF, reviewed), List.of(reviewed), queries, "no cluster " + c);
        }
    }
}
