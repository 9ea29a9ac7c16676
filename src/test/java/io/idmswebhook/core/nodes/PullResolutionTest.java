package io.idmswebhook.core.nodes;

import static io.idmswebhook.core.nodes.DrainDecisionTest.file;
import static io.idmswebhook.core.nodes.DrainDecisionTest.idms;
import static io.idmswebhook.core.nodes.DrainDecisionTest.itms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.model.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** explain's answers: which endpoints a node tries for a pull, in order, as containers/image computes them. */
class PullResolutionTest {

    static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static List<String> tried(PullResolution p) {
        List<String> out = new ArrayList<>();
        for (PullResolution.Endpoint e : p.endpoints()) {
            out.add((e.rewritten() == null ? "invalid " + e.location() : e.rewritten())
                    + (e.blocked() ? " blocked" : "") + (e.insecure() ? " insecure" : ""));
        }
        return out;
    }

    @Test
    void aDigestPullUsesDigestMirrorsThenTheSource() {
        RegistriesConf conf = file(idms("a", "quay.io/ns", null, "m1.example.net/ns", "m2.example.net/mirror"),
                itms("t", "quay.io/ns", "t.example.net/ns"));
        PullResolution p = PullResolution.resolve(conf, "quay.io/ns/app@" + DIGEST);
        assertTrue(p.digestPull());
        assertEquals(List.of("m1.example.net/ns/app@" + DIGEST, "m2.example.net/mirror/app@" + DIGEST,
                "quay.io/ns/app@" + DIGEST), tried(p));
        assertTrue(p.canSucceed());
    }

    @Test
    void aTagPullUsesTagMirrorsOnly() {
        RegistriesConf conf = file(idms("a", "quay.io/ns", null, "m1.example.net/ns"), itms("t", "quay.io/ns", "t.example.net/ns"));
        PullResolution p = PullResolution.resolve(conf, "quay.io/ns/app:1.2");
        assertFalse(p.digestPull());
        assertEquals(List.of("t.example.net/ns/app:1.2", "quay.io/ns/app:1.2"), tried(p));
    }

    @Test
    void theLongestPrefixWinsAndItsMirrorsAlone() {
        RegistriesConf conf = file(idms("a", "quay.io", null, "broad.example.net"),
                idms("b", "quay.io/ns", null, "narrow.example.net/ns"));
        assertEquals(List.of("narrow.example.net/ns/app@" + DIGEST, "quay.io/ns/app@" + DIGEST),
                tried(PullResolution.resolve(conf, "quay.io/ns/app@" + DIGEST)));
        assertEquals(List.of("broad.example.net/other/app@" + DIGEST, "quay.io/other/app@" + DIGEST),
                tried(PullResolution.resolve(conf, "quay.io/other/app@" + DIGEST)));
        // the port boundary matches too: quay.io covers quay.io:5000/x (rule P10)
        assertEquals("broad.example.net:5000/x@" + DIGEST,
                tried(PullResolution.resolve(conf, "quay.io:5000/x@" + DIGEST)).get(0));
    }

    @Test
    void aWildcardEntryRewritesEverythingAfterTheHost() {
        RegistriesConf conf = file(idms("a", "*.example.com", null, "mirror.example.net/cache"));
        PullResolution p = PullResolution.resolve(conf, "registry.example.com/team/app@" + DIGEST);
        assertEquals("*.example.com", p.registry().prefix());
        assertEquals(List.of("mirror.example.net/cache/team/app@" + DIGEST, "registry.example.com/team/app@" + DIGEST),
                tried(p));
    }

    @Test
    void aBlockedSourceIsListedButNotContacted() {
        RegistriesConf conf = file(idms("a", "quay.io/ns", "NeverContactSource", "m1.example.net/ns"));
        PullResolution p = PullResolution.resolve(conf, "quay.io/ns/app@" + DIGEST);
        assertEquals(List.of("m1.example.net/ns/app@" + DIGEST, "quay.io/ns/app@" + DIGEST + " blocked"), tried(p));
        assertTrue(p.canSucceed());
        // a tag pull of the same repository has only the blocked source left (rule P8)
        PullResolution tag = PullResolution.resolve(conf, "quay.io/ns/app:1.2");
        assertEquals(List.of("quay.io/ns/app:1.2 blocked"), tried(tag));
        assertFalse(tag.canSucceed());
        assertTrue(tag.whyItFails().contains("blocked"), tag.whyItFails());
    }

    @Test
    void aMirrorInABlockedScopeIsSkippedAndInsecureIsMarked() {
        ImageConfig config = new ImageConfig(List.of(), List.of("blocked.example.net"), List.of("insecure.example.net"));
        RegistriesConf conf = file(config, idms("a", "quay.io/ns", null, "blocked.example.net/ns", "insecure.example.net/ns"));
        assertEquals(List.of("blocked.example.net/ns/app@" + DIGEST + " blocked",
                "insecure.example.net/ns/app@" + DIGEST + " insecure", "quay.io/ns/app@" + DIGEST),
                tried(PullResolution.resolve(conf, "quay.io/ns/app@" + DIGEST)));
    }

    @Test
    void aNestedBlockedScopeUsesTheCopiedMirrors() {
        ImageConfig config = new ImageConfig(List.of(), List.of("quay.io/ns/app"), List.of());
        RegistriesConf conf = file(config, idms("a", "quay.io/ns", null, "m1.example.net/ns"));
        PullResolution p = PullResolution.resolve(conf, "quay.io/ns/app@" + DIGEST);
        assertEquals("quay.io/ns/app", p.registry().location());
        assertEquals(List.of("m1.example.net/ns/app@" + DIGEST, "quay.io/ns/app@" + DIGEST + " blocked"), tried(p));
    }

    @Test
    void anInvalidRewriteFailsTheWholePull() {
        // rule P3: a pull of exactly the source rewrites to a host-only name, which is no reference
        RegistriesConf conf = file(idms("a", "quay.io/ns", null, "mirror.example.net"));
        PullResolution p = PullResolution.resolve(conf, "quay.io/ns@" + DIGEST);
        assertFalse(p.canSucceed());
        assertTrue(p.whyItFails().contains("before any endpoint is tried"), p.whyItFails());
        assertTrue(PullResolution.resolve(conf, "quay.io/ns/app@" + DIGEST).canSucceed());
    }

    @Test
    void withoutAnEntryTheReferenceIsPulledAsItIs() {
        PullResolution p = PullResolution.resolve(file(), "busybox");
        assertNull(p.registry());
        assertEquals("docker.io/library/busybox:latest", p.reference().toString());
        assertEquals(List.of("docker.io/library/busybox:latest"), tried(p));
    }

    @Test
    void notAReferenceSaysSo() {
        PullResolution p = PullResolution.resolve(file(), "Quay.io/NS/App:1");
        assertFalse(p.canSucceed());
        assertTrue(p.whyItFails().contains("is not an image reference"), p.whyItFails());
    }
}
