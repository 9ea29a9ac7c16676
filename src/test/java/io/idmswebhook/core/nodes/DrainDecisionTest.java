package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.nodes.RegistriesConf.Mirror;
import io.idmswebhook.core.nodes.RegistriesConf.Registry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One case per change the daemon calls unsafe, and per change it applies without a drain. */
class DrainDecisionTest {

    static MirrorSet idms(String name, String source, String policy, String... mirrors) {
        return new MirrorSet(MirrorSetKind.IDMS, name, List.of(new MirrorEntry(0, source, List.of(mirrors), policy)));
    }

    static MirrorSet itms(String name, String source, String... mirrors) {
        return new MirrorSet(MirrorSetKind.ITMS, name, List.of(new MirrorEntry(0, source, List.of(mirrors), null)));
    }

    static RegistriesConf file(ImageConfig config, MirrorSet... sets) {
        RenderResult r = Rendering.render(List.of(sets), config);
        assertFalse(r.refused(), () -> r.refusal().reason());
        return r.conf();
    }

    static RegistriesConf file(MirrorSet... sets) {
        return file(ImageConfig.NONE, sets);
    }

    static DrainDecision change(RegistriesConf before, RegistriesConf after) {
        return DrainDecision.between(before, after);
    }

    static void drains(String expected, RegistriesConf before, RegistriesConf after) {
        DrainDecision d = change(before, after);
        assertTrue(d.drains(), "expected a drain for: " + expected);
        assertEquals(expected, d.firstUnsafeChange());
    }

    static void reloadsOnly(RegistriesConf before, RegistriesConf after) {
        DrainDecision d = change(before, after);
        assertTrue(d.fileChanged(), "the file changes");
        assertNull(d.firstUnsafeChange());
        assertFalse(d.drains());
    }

    @Test
    void removingAMirrorDrains() {
        drains("removes mirror m2.example.net/ns from quay.io/ns",
                file(idms("a", "quay.io/ns", null, "m1.example.net/ns", "m2.example.net/ns")),
                file(idms("a", "quay.io/ns", null, "m1.example.net/ns")));
    }

    @Test
    void removingAnEntryDrains() {
        drains("removes the entry quay.io/ns", file(idms("a", "quay.io/ns", null, "m1.example.net/ns")), file());
    }

    @Test
    void blockingAnEntryDrains() {
        drains("blocks quay.io/ns", file(idms("a", "quay.io/ns", null, "m1.example.net/ns")),
                file(idms("a", "quay.io/ns", "NeverContactSource", "m1.example.net/ns")));
    }

    @Test
    void anInsecureScopeDrains() {
        RegistriesConf before = file(idms("a", "quay.io/ns", null, "m1.example.net/ns"));
        drains("marks quay.io/ns insecure", before,
                file(new ImageConfig(List.of(), List.of(), List.of("quay.io")), idms("a", "quay.io/ns", null, "m1.example.net/ns")));
    }

    @Test
    void addingATagMirrorDrains() {
        drains("adds mirror t.example.net/ns to quay.io/ns with pull-from-mirror tag-only",
                file(idms("a", "quay.io/ns", null, "m1.example.net/ns")),
                file(idms("a", "quay.io/ns", null, "m1.example.net/ns"), itms("t", "quay.io/ns", "t.example.net/ns")));
    }

    @Test
    void aNewTagSourceDrains() {
        drains("adds quay.io/ns with tag-only mirror t.example.net/ns",
                file(), file(itms("t", "quay.io/ns", "t.example.net/ns")));
    }

    @Test
    void aNewEntryWithoutMirrorsDrains() {
        drains("adds blocked.example.com without mirrors",
                file(), file(new ImageConfig(List.of(), List.of("blocked.example.com"), List.of())));
    }

    @Test
    void removingOrReorderingSearchRegistriesDrains() {
        RegistriesConf base = file();
        RegistriesConf shorter = new RegistriesConf(List.of("registry.access.redhat.com"), List.of());
        drains("removes \"docker.io\" from unqualified-search-registries", base, shorter);
        RegistriesConf reordered = new RegistriesConf(List.of("docker.io", "registry.access.redhat.com"), List.of());
        drains("changes unqualified-search-registries entry 1 from \"registry.access.redhat.com\" to \"docker.io\"",
                base, reordered);
    }

    @Test
    void aChangedPrefixOrLocationUnderOneKeyDrains() {
        Registry wildcard = new Registry("*.example.com", "", false, false, false, List.of());
        Registry relocated = new Registry("*.example.com", "mirror.example.net", false, false, false, List.of());
        drains("changes the location of *.example.com from \"\" to \"mirror.example.net\"",
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(wildcard)),
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(relocated)));
        Registry byLocation = new Registry("", "quay.io", false, false, false, List.of());
        Registry withPrefix = new Registry("quay.io", "quay.io", false, false, false, List.of());
        drains("changes the prefix of quay.io from \"\" to \"quay.io\"",
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(byLocation)),
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(withPrefix)));
    }

    @Test
    void pullFromMirrorChangingAwayFromDigestOnlyDrains() {
        Registry digest = new Registry("", "quay.io", false, false, false, List.of(new Mirror("m.example.net", false, "digest-only")));
        Registry any = new Registry("", "quay.io", false, false, false, List.of(new Mirror("m.example.net", false, "")));
        drains("changes pull-from-mirror of mirror m.example.net in quay.io from digest-only to unset",
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(digest)),
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(any)));
        // the other way round is safe: digest-only only narrows what the mirror serves
        reloadsOnly(new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(any)),
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(digest)));
    }

    @Test
    void mirrorByDigestOnlyMakesAnAddedMirrorSafe() {
        Registry before = new Registry("", "quay.io", false, false, true, List.of(new Mirror("a.example.net", false, "")));
        Registry after = new Registry("", "quay.io", false, false, true,
                List.of(new Mirror("a.example.net", false, ""), new Mirror("b.example.net", false, "")));
        reloadsOnly(new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(before)),
                new RegistriesConf(RegistriesConf.DEFAULT_SEARCH_REGISTRIES, List.of(after)));
    }

    @Test
    void addingDigestMirrorsOrSourcesIsSafe() {
        RegistriesConf before = file(idms("a", "quay.io/ns", null, "m1.example.net/ns"));
        reloadsOnly(before, file(idms("a", "quay.io/ns", null, "m1.example.net/ns", "m2.example.net/ns")));
        reloadsOnly(before, file(idms("a", "quay.io/ns", null, "m1.example.net/ns"),
                idms("b", "registry.redhat.io", null, "m1.example.net/rh")));
        // a new NeverContactSource entry: the daemon checks a new entry's mirrors only, not its flags
        reloadsOnly(before, file(idms("a", "quay.io/ns", null, "m1.example.net/ns"),
                idms("b", "registry.redhat.io", "NeverContactSource", "m1.example.net/rh")));
    }

    @Test
    void reorderingMirrorsIsSafe() {
        reloadsOnly(file(idms("a", "quay.io/ns", null, "m1.example.net/ns", "m2.example.net/ns")),
                file(idms("a", "quay.io/ns", null, "m2.example.net/ns", "m1.example.net/ns")));
    }

    @Test
    void appendingASearchRegistryIsSafe() {
        reloadsOnly(file(), new RegistriesConf(List.of("registry.access.redhat.com", "docker.io", "quay.io"), List.of()));
    }

    @Test
    void aLocationThatIsBothDigestAndTagMirrorMakesAReorderDrain() {
        // the daemon finds the old mirror by location, first match: the tag-only copy of
        // m2.example.net/ns is compared with its digest-only twin and looks changed
        MirrorSet tags = itms("t", "quay.io/ns", "m2.example.net/ns");
        drains("changes pull-from-mirror of mirror m2.example.net/ns in quay.io/ns from digest-only to tag-only",
                file(idms("a", "quay.io/ns", null, "m1.example.net/ns", "m2.example.net/ns"), tags),
                file(idms("a", "quay.io/ns", null, "m2.example.net/ns", "m1.example.net/ns"), tags));
    }

    @Test
    void aFileTheMergeLeavesAloneReachesNoNode() {
        MirrorSet a = idms("a", "quay.io/ns", null, "m1.example.net/ns");
        MirrorSet sameList = idms("b", "quay.io/ns", null, "m1.example.net/ns");
        DrainDecision d = change(file(a), file(a, sameList));
        assertFalse(d.fileChanged());
        assertFalse(d.drains());
    }

    @Test
    void copiedMirrorsOfANestedScopeCountAsTheirOwn() {
        // blocked quay.io/ns/app inherits quay.io/ns's mirrors; removing the source's mirror removes the copy too
        ImageConfig blocked = new ImageConfig(List.of(), List.of("quay.io/ns/app"), List.of());
        RegistriesConf before = file(blocked, idms("a", "quay.io/ns", null, "m1.example.net/ns", "m2.example.net/ns"));
        RegistriesConf after = file(blocked, idms("a", "quay.io/ns", null, "m2.example.net/ns"));
        List<String> copied = new ArrayList<>();
        before.entry("quay.io/ns/app").mirrors().forEach(m -> copied.add(m.location()));
        assertEquals(List.of("m1.example.net/ns/app", "m2.example.net/ns/app"), copied);
        drains("removes mirror m1.example.net/ns from quay.io/ns", before, after);
    }
}
