package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Rule P9's denials against the node-side pull, on the random clusters of
 * {@link RenderingDifferentialTest}: every denial names pulls that {@link PullResolution}, on the
 * file the operator renders with the object written, finds without a usable endpoint. A P9
 * denial on which some such pull still works would block a working configuration. (The other
 * way round is not P9's alone: the rule book has P8 warn where no entry of the other kind exists.)
 */
class ShadowingAgreementTest {

    private static final String DIGEST = "@sha256:" + "0".repeat(64);
    private final MirrorSetValidator validator = new MirrorSetValidator();

    private static String probe(String scope) {
        return scope.startsWith("*.") ? "zz" + scope.substring(1) : scope;
    }

    @Test
    void everyP9DenialNamesPullsThatHaveNoEndpoint() {
        Random random = new Random(20261204L);
        int denied = 0;
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c < RenderingDifferentialTest.CASES; c++) {
            List<MirrorSet> sets = RenderingDifferentialTest.cluster(random);
            ImageConfig config = RenderingDifferentialTest.imageConfig(random);
            RenderResult file = Rendering.render(sets, config);
            if (file.refused()) {
                continue;
            }
            for (MirrorSet object : sets) {
                List<MirrorSet> others = new ArrayList<>(sets);
                others.remove(object);
                Decision d = validator.validate(object, null, MirrorSetIndex.of(others, config));
                for (var f : d.denials()) {
                    if (f.rule() != RuleId.P9) {
                        continue;
                    }
                    denied++;
                    // the subject starts with the entry's source, then says which side shadows
                    String source = f.subject().substring(0, f.subject().indexOf(' '));
                    boolean digestGroup = object.kind().mirrorGroup() == MirrorGroup.DIGEST;
                    boolean someFails = false;
                    if (f.subject().contains(" never outer ")) {
                        String pull = probe(source) + "/zz-probe" + (digestGroup ? ":v1" : DIGEST);
                        someFails = !PullResolution.resolve(file.conf(), pull).canSucceed();
                    } else {
                        // digest pulls (or tag pulls) under a more specific never-contacted entry of the other kind
                        for (MirrorSet s : sets) {
                            for (MirrorEntry e : s.entries()) {
                                if (s.kind().mirrorGroup() != object.kind().mirrorGroup()
                                        && Scopes.strictlyInside(e.source(), source)) {
                                    String pull = probe(e.source()) + "/zz-probe" + (digestGroup ? DIGEST : ":v1");
                                    someFails |= !PullResolution.resolve(file.conf(), pull).canSucceed();
                                }
                            }
                        }
                    }
                    if (!someFails) {
                        wrong.add(f.message() + " in " + sets + " " + config);
                    }
                }
            }
        }
        // the generator must reach the denial often, or the agreement proves little
        assertTrue(denied > 50, "P9 denied " + denied + " times");
        assertEquals(List.of(), wrong.subList(0, Math.min(3, wrong.size())),
                wrong.size() + " of " + denied + " P9 denials name pulls that still work");
    }
}
