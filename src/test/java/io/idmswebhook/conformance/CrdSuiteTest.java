package io.idmswebhook.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.VectorObjects;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.testsupport.SharedData;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD suite of {@code ../shared/conformance/crd-suite.jsonl} (openshift/api's CRD tests and the
 * CRD's own constraints applied to every IDMS/ITMS of the conformance cases): an object the CRD
 * rejects gets an S denial, one it accepts gets no S1. ICSP has no patterns in its CRD, so for it
 * only the acceptance side holds.
 */
class CrdSuiteTest {

    private final MirrorSetValidator validator = new MirrorSetValidator();

    static Stream<Arguments> cases() {
        return SharedData.jsonLines("conformance", "crd-suite.jsonl").stream()
                .map(c -> Arguments.of(Named.of(c.path("name").asText(), c)));
    }

    @Test
    void theSuiteHasRejectedAndAcceptedObjects() {
        var all = SharedData.jsonLines("conformance", "crd-suite.jsonl");
        assertTrue(all.size() >= 70, "crd-suite.jsonl lost cases: " + all.size());
        assertTrue(all.stream().anyMatch(c -> !c.path("crdAccepts").asBoolean()), "no object the CRD rejects");
        assertTrue(all.stream().anyMatch(c -> c.path("crdAccepts").asBoolean()), "no object the CRD accepts");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void agreesWithTheCrd(JsonNode c) {
        MirrorSet set = VectorObjects.mirrorSet(c.path("object"));
        Decision d = validator.validate(set, null, ClusterView.OFF);
        Set<String> syntaxDenials = d.denials().stream().map(Finding::rule).map(Enum::name)
                .filter(r -> r.startsWith("S")).collect(Collectors.toCollection(TreeSet::new));
        if (c.path("crdAccepts").asBoolean()) {
            assertFalse(syntaxDenials.contains("S1"), () -> "the CRD accepts it, so no S1: " + d.denials());
        } else {
            assertTrue(set.kind().hasPolicyAndSchema(), "only IDMS/ITMS have CRD patterns");
            assertFalse(syntaxDenials.isEmpty(), () -> "the CRD rejects it (" + c.path("expectedError").asText()
                    + "), so an S rule must deny: " + d);
        }
        if (c.has("webhookSyntaxDeny")) {
            Set<String> want = new TreeSet<>();
            c.path("webhookSyntaxDeny").forEach(n -> want.add(n.asText()));
            assertEquals(want, syntaxDenials, () -> "S denials: " + d.denials());
        }
    }
}
