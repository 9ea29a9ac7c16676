package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline without a server: what reaches the engine, and what happens when it fails. */
class ReviewPipelineTest {

    private final ObjectMapper mapper = AdmissionJson.newMapper();

    private static byte[] review(String operation, String object, String oldObject) {
        return ("""
                {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1",
                 "kind":{"group":"config.openshift.io","version":"v1","kind":"ImageDigestMirrorSet"},
                 "name":"n","operation":"%s","object":%s,"oldObject":%s}}
                """).formatted(operation, object, oldObject).getBytes(StandardCharsets.UTF_8);
    }

    private static final String IDMS = """
            {"apiVersion":"config.openshift.io/v1","kind":"ImageDigestMirrorSet","metadata":{"name":"n"},
             "spec":{"imageDigestMirrors":[{"source":"quay.io/ns","mirrors":["m.example/ns"]}]}}""";

    private final ReviewPipeline pipeline =
            new ReviewPipeline(new ReviewReader(mapper), new AnswerWriter(mapper.getFactory()), ReviewObserver.NONE);

    private JsonNode answer(HttpReply a) throws Exception {
        assertEquals(200, a.httpStatus(), new String(a.body(), StandardCharsets.UTF_8));
        return mapper.readTree(a.body());
    }

    @Test
    void anEngineFailureIsADenialThatSaysSoNotAnException() throws Exception {
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> {
            throw new IllegalStateException("boom");
        }, ClusterView.OFF);
        JsonNode r = answer(pipeline.answer(validating, review("CREATE", IDMS, "null"))).get("response");
        assertEquals("u-1", r.get("uid").asText());
        assertFalse(r.get("allowed").asBoolean());
        assertEquals(500, r.get("status").get("code").asInt());
        assertTrue(r.get("status").get("message").asText().contains("bug in idms-webhook"));
    }

    @Test
    void updatePassesTheOldObjectAndTheClusterView() throws Exception {
        List<MirrorSet> seen = new ArrayList<>();
        List<ClusterView> views = new ArrayList<>();
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> {
            seen.add(o);
            seen.add(old);
            views.add(c);
            return Decision.allow();
        }, ClusterView.OFF);
        answer(pipeline.answer(validating, review("UPDATE", IDMS, IDMS.replace("m.example", "old.example"))));
        assertEquals("m.example/ns", seen.get(0).entries().get(0).mirrors().get(0));
        assertEquals("old.example/ns", seen.get(1).entries().get(0).mirrors().get(0));
        assertEquals(ClusterView.OFF, views.get(0));
    }

    @Test
    void createIgnoresAnOldObjectAndAnUnreadableOldObjectExcusesNothing() throws Exception {
        List<MirrorSet> olds = new ArrayList<>();
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> {
            olds.add(old);
            return Decision.allow();
        }, ClusterView.OFF);
        answer(pipeline.answer(validating, review("CREATE", IDMS, IDMS)));
        answer(pipeline.answer(validating, review("UPDATE", IDMS, "{\"spec\":{\"imageDigestMirrors\":\"oops\"}}")));
        assertNull(olds.get(0));
        assertNull(olds.get(1));
    }

    @Test
    void connectNeverReachesTheEngine() throws Exception {
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> {
            throw new AssertionError("the engine was called for " + o);
        }, ClusterView.OFF);
        assertTrue(answer(pipeline.answer(validating, review("CONNECT", "null", "null"))).get("response").get("allowed").asBoolean());
    }

    @Test
    void deleteReachesTheEngineWithTheOldObjectAndIsNeverDenied() throws Exception {
        List<MirrorSet> deleted = new ArrayList<>();
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> {
            assertNull(o, "a DELETE has no new object");
            deleted.add(old);
            return Decision.deny(Finding.deny(RuleId.P4, "spec", "x", "an engine that denies", "none"));
        }, ClusterView.OFF);
        JsonNode r = answer(pipeline.answer(validating, review("DELETE", "null", IDMS))).get("response");
        assertTrue(r.get("allowed").asBoolean(), r.toString());
        assertEquals(1, deleted.size());
        assertEquals(MirrorSetKind.IDMS, deleted.get(0).kind());
    }

    @Test
    void anUnknownOperationIsDeniedWithX4() throws Exception {
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> Decision.allow(), ClusterView.OFF);
        JsonNode r = answer(pipeline.answer(validating, review("PATCH", IDMS, "null"))).get("response");
        assertFalse(r.get("allowed").asBoolean());
        assertTrue(r.get("status").get("message").asText().endsWith("[X4]"));
    }

    @Test
    void warmUpAnswersEveryKind() {
        ValidatingWebhook validating = new ValidatingWebhook((o, old, c) -> Decision.allow(), ClusterView.OFF);
        assertEquals(0, WarmUp.run(pipeline, validating));
    }
}
