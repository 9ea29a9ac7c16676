package io.idmswebhook.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code GET /preview} answers for each state of the cluster view. */
class PreviewClusterTest {

    @Test
    void offGivesAnEmptyPreviewThatSaysWhy() {
        ObjectNode n = Preview.forCluster(ClusterView.OFF);
        assertEquals("off", n.path("clusterChecks").asText());
        assertEquals(0, n.path("registries").size());
        assertTrue(n.path("note").asText().startsWith("cluster checks are off"), n.toString());
    }

    @Test
    void unavailableGivesAnEmptyPreviewThatSaysWhy() {
        ObjectNode n = Preview.forCluster(ClusterView.UNAVAILABLE);
        assertEquals("unavailable", n.path("clusterChecks").asText());
        assertEquals(0, n.path("registries").size());
    }

    @Test
    void readyViewIsMergedLikeTheFiles() {
        MirrorSet a = new MirrorSet(MirrorSetKind.IDMS, "a",
                List.of(new MirrorEntry(0, "quay.io/ns", List.of("z.m/ns", "y.m/ns"), null)));
        MirrorSet b = new MirrorSet(MirrorSetKind.ICSP, "b",
                List.of(new MirrorEntry(0, "quay.io/ns", List.of("b.m/ns", "a.m/ns"), null)));
        MirrorSet t = new MirrorSet(MirrorSetKind.ITMS, "t",
                List.of(new MirrorEntry(0, "*.example.com", List.of("cache.example.net"), "NeverContactSource")));
        ObjectNode n = Preview.forCluster(MirrorSetIndex.of(List.of(a, b, t), ImageConfig.NONE));
        assertEquals("on", n.path("clusterChecks").asText());
        assertEquals(2, n.path("registries").size());
        // the operator writes digest sources first, then tag sources not yet written
        ObjectNode wildcard = (ObjectNode) n.path("registries").get(1);
        assertEquals("*.example.com", wildcard.path("prefix").asText());
        assertTrue(wildcard.path("location").isMissingNode(), "a wildcard source has a prefix, no location");
        assertTrue(wildcard.path("blocked").asBoolean());
        assertEquals("tag-only", wildcard.path("mirrors").get(0).path("pull-from-mirror").asText());
        ObjectNode quay = (ObjectNode) n.path("registries").get(0);
        assertEquals("quay.io/ns", quay.path("location").asText());
        // the rule book's interleaving example: [z,y] + [b,a] -> b, z, a, y
        StringBuilder order = new StringBuilder();
        quay.path("mirrors").forEach(m -> order.append(m.path("location").asText()).append(' '));
        assertEquals("b.m/ns z.m/ns a.m/ns y.m/ns ", order.toString());
        assertTrue(n.path("toml").asText().contains("prefix = \"*.example.com\""), n.toString());
    }

    @Test
    void aRefusalIsReportedWithTheOperatorsReason() {
        MirrorSet wildcard = new MirrorSet(MirrorSetKind.IDMS, "w",
                List.of(new MirrorEntry(0, "*.example.com", List.of("cache.example.net"), null)));
        ImageConfig blocked = new ImageConfig(List.of(), List.of("team.example.com"), List.of());
        ObjectNode n = Preview.forCluster(MirrorSetIndex.of(List.of(wildcard), blocked));
        assertEquals("P6", n.path("refused").path("rule").asText(), n.toString());
        assertEquals("internal error: mirrorsAdjustedForNestedScope for a wildcard scope \"*.example.com\"",
                n.path("refused").path("reason").asText());
        assertEquals(0, n.path("registries").size());
    }

    @Test
    void imageConfigScopesAreEntriesOfTheirOwn() {
        MirrorSet quay = new MirrorSet(MirrorSetKind.IDMS, "q",
                List.of(new MirrorEntry(0, "quay.io/ns", List.of("m.example.net/ns"), null)));
        ImageConfig config = new ImageConfig(List.of(), List.of("b.mirror.net"), List.of("quay.io"),
                List.of("quay.io"));
        ObjectNode n = Preview.forCluster(MirrorSetIndex.of(List.of(quay), config));
        assertEquals("[\"quay.io\"]", n.path("unqualified-search-registries").toString());
        assertEquals(3, n.path("registries").size(), n.toString());
        assertTrue(n.path("registries").get(0).path("insecure").asBoolean(), "quay.io/ns lies in insecure quay.io");
        assertEquals("b.mirror.net", n.path("registries").get(1).path("location").asText());
        assertTrue(n.path("registries").get(1).path("blocked").asBoolean());
        assertEquals("quay.io", n.path("registries").get(2).path("location").asText());
    }
}
