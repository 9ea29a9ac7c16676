package io.idmswebhook.admission;

import io.idmswebhook.core.model.MirrorSetKind;
import java.nio.charset.StandardCharsets;

/**
 * Answers one made-up review per kind before the HTTPS port opens, so that the JSON readers and
 * writers for the reviews and all three kinds are built before the first real request. Built
 * lazily, that costs seconds of class loading and reflection on the event loop, the first time a
 * cluster writes a mirror set.
 */
final class WarmUp {

    private WarmUp() {
    }

    /** @return how many warm-up reviews were not answered with 200 (0 when all is well) */
    static int run(ReviewPipeline pipeline, AdmissionWebhook webhook) {
        ReviewPipeline quiet = pipeline.unobserved();
        int failed = 0;
        for (MirrorSetKind kind : MirrorSetKind.values()) {
            String review = """
                    {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"warm-up",
                     "kind":{"group":"%1$s","version":"%2$s","kind":"%3$s"},
                     "resource":{"group":"%1$s","version":"%2$s","resource":"%4$s"},
                     "name":"warm-up","operation":"UPDATE","userInfo":{"username":"warm-up"},
                     "object":{"apiVersion":"%1$s/%2$s","kind":"%3$s","metadata":{"name":"warm-up"},
                               "spec":{"%5$s":[{"source":"quay.io/warm-up","mirrors":["mirror.example.net/warm-up"]}]}},
                     "oldObject":{"apiVersion":"%1$s/%2$s","kind":"%3$s","metadata":{"name":"warm-up"}},
                     "dryRun":false,"options":{"apiVersion":"meta.k8s.io/v1","kind":"UpdateOptions"}}}
                    """.formatted(kind.group(), kind.version(), kind.kind(), kind.resource(), kind.listField());
            if (quiet.answer(webhook, review.getBytes(StandardCharsets.UTF_8)).httpStatus() != 200) {
                failed++;
            }
        }
        return failed;
    }
}
