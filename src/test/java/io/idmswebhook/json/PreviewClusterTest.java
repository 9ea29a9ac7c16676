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
        ObjectNode wildcard = (ObjectNode) n.path("registries").get(0);
        assertEquals("*.example.com", wildcard.path("prefix").asText());
        assertTrue(wildcard.path("location").isMissingNode(), "a wildcard source has a prefix, no location");
        assertTrue(wildcard.path("blocked").asBoolean());
        assertEquals("tag-only", wildcard.path("mirrors").get(0).path("pull-from-mirror").asText());
        ObjectNode quay = (ObjectNode) n.path("registries").get(1);
        assertEquals("quay.io/ns", quay.path("location").asText());
        // the rule book's interleaving example: [z,y] + [b,a] -> b, z, a, y
        StringBuilder order = new StringBuilder();
        quay.path("mirrors").forEach(m -> order.append(m.path("location").asText()).append(' '));
        assertEquals("b.m/ns z.m/ns a.m/ns y.m/ns ", order.toString());
    }
}
