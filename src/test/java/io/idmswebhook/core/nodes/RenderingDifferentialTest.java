package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random clusters, rendered by {@link Rendering} and by the plain {@link ReferenceRendering}.
 * The pools are small on purpose, so sources repeat across objects (merges, policy conflicts),
 * nest in one another and in image-config scopes (inherited flags, copied mirrors), and wildcards
 * meet nested scopes (the operator's refusal).
 */
class RenderingDifferentialTest {

    static final int CASES = 5000;

    static final String[] SOURCES = {"quay.io", "quay.io/ns", "quay.io/ns/app", "quay.io:5000/ns",
        "registry.example.com", "registry.example.com/team", "*.example.com", "*.a.example.com", "a.example.com/x",
        "docker.io/library"};
    static final String[] MIRRORS = {"mirror.local", "mirror.local/ns", "m2.corp:5000/cache", "quay.io/ns",
        "b.mirror.net", "a.example.com/mirror", "registry.example.com/team"};
    static final String[] SCOPES = {"quay.io/ns/app/deep", "b.mirror.net", "*.mirror.net", "a.example.com",
        "registry.example.com/team/x", "insecure.corp", "*.corp", "quay.io", "m2.corp:5000"};
    static final String[] POLICIES = {null, null, "NeverContactSource", "AllowContactingSource"};

    @Test
    void randomClustersRenderAsTheReferenceModel() {
        Random random = new Random(20261201L);
        int refused = 0;
        int copied = 0;
        for (int c = 0; c < CASES; c++) {
            List<MirrorSet> sets = cluster(random);
            ImageConfig config = imageConfig(random);
            RenderResult actual = Rendering.render(sets, config);
            assertEquals(ReferenceRendering.render(sets, config), ReferenceRendering.lines(actual),
                    "case " + c + ": " + sets + " " + config);
            refused += actual.refused() ? 1 : 0;
            if (!actual.refused() && actual.conf().registries().stream()
                    .anyMatch(r -> !r.mirrors().isEmpty() && List.of(SCOPES).contains(r.scope()))) {
                copied++;
            }
        }
        // the generator must reach both outcomes and the copying of mirrors, or it proves little
        assertTrue(refused > CASES / 20 && refused < CASES / 2, "refused " + refused + " of " + CASES);
        assertTrue(copied > CASES / 20, "copied mirrors in " + copied + " of " + CASES);
    }

    /** A cluster image config with up to three insecure and three blocked scopes drawn from {@link #SCOPES}. */
    static ImageConfig imageConfig(Random random) {
        return new ImageConfig(List.of(), pick(random, SCOPES, 3), pick(random, SCOPES, 3));
    }

    static List<MirrorSet> cluster(Random random) {
        List<MirrorSet> sets = new ArrayList<>();
        int objects = random.nextInt(5);
        for (int o = 0; o < objects; o++) {
            MirrorSetKind kind = MirrorSetKind.values()[random.nextInt(3)];
            List<MirrorEntry> entries = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String source = SOURCES[random.nextInt(SOURCES.length)];
                List<String> mirrors = pick(random, MIRRORS, 3);
                if (random.nextInt(8) == 0 && !source.startsWith("*.")) {
                    mirrors.add(random.nextInt(mirrors.size() + 1), source);
                }
                String policy = kind.hasPolicyAndSchema() ? POLICIES[random.nextInt(POLICIES.length)] : null;
                entries.add(new MirrorEntry(i, source, mirrors, policy));
            }
            sets.add(new MirrorSet(kind, kind.name().toLowerCase() + "-" + o, entries));
        }
        return sets;
    }

    static List<String> pick(Random random, String[] pool, int max) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            String s = pool[random.nextInt(pool.length)];
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
