package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.view.MirrorSetIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rule P5's denial against the node-side pull, on the random clusters of
 * {@link RenderingDifferentialTest}: an entry is denied for "no usable endpoint" exactly when
 * {@link PullResolution}, on the file the operator renders with the object written, finds every
 * endpoint of a pull under the entry's source blocked. A repository name that no pool source
 * names keeps the pull on the entry's own registries.conf entry.
 */
class NoEndpointAgreementTest {

    private static final String DIGEST = "@sha256:" + "0".repeat(64);

    private final MirrorSetValidator validator = new MirrorSetValidator();

    @Test
    void p5DeniesExactlyTheEntriesWhosePullsHaveNoEndpoint() {
        Random random = new Random(20261203L);
        int denied = 0;
        int blockedButServed = 0;
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
                List<Finding> all = new ArrayList<>(d.denials());
                all.addAll(d.warnings());
                for (MirrorEntry e : object.entries()) {
                    if (!e.hasRealMirror() || e.source().startsWith("*.")) {
                        continue;
                    }
                    String path = "spec." + object.kind().listField() + "[" + e.index() + "]";
                    boolean p5Denied = d.denials().stream()
                            .anyMatch(f -> f.rule() == RuleId.P5 && f.path().equals(path));
                    String pull = e.source() + "/zz-probe" + (object.kind().mirrorGroup() == MirrorGroup.DIGEST ? DIGEST : ":v1");
                    PullResolution r = PullResolution.resolve(file.conf(), pull);
                    if (r.failure() != null) {
                        // a rewrite that is no reference fails the pull before any endpoint (P3, P10)
                        continue;
                    }
                    boolean noEndpoint = !r.canSucceed();
                    assertEquals(noEndpoint, p5Denied, () -> "writing " + object + " into " + others + " " + config
                            + ": pull " + pull + " endpoints " + r.endpoints() + "; decision " + d);
                    denied += p5Denied ? 1 : 0;
                    if (!noEndpoint && all.stream().anyMatch(f -> f.rule() == RuleId.P5 && f.path().startsWith(path + ".mirrors"))
                            && e.neverContactSource()) {
                        blockedButServed++;
                    }
                }
            }
        }
        // both outcomes must be reached, and the never-contacted source whose blocked mirror
        // leaves other endpoints, or the agreement proves little
        assertTrue(denied > 50, "P5 denied " + denied + " entries");
        assertTrue(blockedButServed > 20, "never-contacted entries with a blocked mirror and an endpoint left: " + blockedButServed);
    }
}
