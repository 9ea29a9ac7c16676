package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.view.MirrorSetIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rule P6 against the renderer, on the random clusters of {@link RenderingDifferentialTest}: each
 * object is written into the cluster of the others, and the webhook's P6 must deny exactly when
 * the operator's nested-scope step would then fail. A P6 denial without that failure blocks a
 * working configuration; a failure without P6 lets through a write that stops the operator.
 */
class WildcardRefusalAgreementTest {

    private final MirrorSetValidator validator = new MirrorSetValidator();

    @Test
    void p6DeniesExactlyTheWritesThatStopTheNestedScopeStep() {
        Random random = new Random(20261202L);
        int denied = 0;
        int unmirroredNestedUnderTagWildcardAllowed = 0;
        for (int c = 0; c < RenderingDifferentialTest.CASES; c++) {
            List<MirrorSet> sets = RenderingDifferentialTest.cluster(random);
            ImageConfig config = RenderingDifferentialTest.imageConfig(random);
            boolean refusedWithAll = Rendering.edit(sets, config).refused();
            for (MirrorSet object : sets) {
                List<MirrorSet> others = new ArrayList<>(sets);
                others.remove(object);
                Decision d = validator.validate(object, null, MirrorSetIndex.of(others, config));
                boolean p6 = d.denials().stream().anyMatch(f -> f.rule() == RuleId.P6);
                String where = "case " + c + ", writing " + object + " into " + others + " " + config + ": " + d;
                if (p6) {
                    denied++;
                    assertTrue(refusedWithAll, "P6 denied, but the operator renders the file; " + where);
                } else {
                    assertTrue(!refusedWithAll || Rendering.edit(others, config).refused(),
                            "the write stops the operator's nested-scope step, and P6 did not deny; " + where);
                    if (object.kind().mirrorGroup() == MirrorGroup.TAG && wildcardWithUnmirroredNestedScope(object, sets, config)) {
                        unmirroredNestedUnderTagWildcardAllowed++;
                    }
                }
            }
        }
        // both sides of the rule must be reached, the tag wildcard whose nested scope has its
        // mirrors from a digest host included, or the agreement proves little
        assertTrue(denied > 100, "P6 denied " + denied + " writes");
        assertTrue(unmirroredNestedUnderTagWildcardAllowed > 20,
                "tag wildcards allowed with an unmirrored nested scope: " + unmirroredNestedUnderTagWildcardAllowed);
    }

    /** A mirrored wildcard of {@code set} with an image-config scope inside that no entry of the cluster mirrors. */
    private static boolean wildcardWithUnmirroredNestedScope(MirrorSet set, List<MirrorSet> sets, ImageConfig config) {
        List<String> scopes = new ArrayList<>(config.insecureRegistries());
        scopes.addAll(config.blockedRegistries());
        for (MirrorEntry e : set.entries()) {
            if (e.source().startsWith("*.") && e.hasRealMirror()) {
                for (String scope : scopes) {
                    if (Scopes.strictlyInside(scope, e.source()) && sets.stream().flatMap(s -> s.entries().stream())
                            .noneMatch(other -> other.source().equals(scope) && other.hasRealMirror())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
