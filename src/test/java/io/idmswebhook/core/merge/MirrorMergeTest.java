package io.idmswebhook.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule book's worked examples first, then the corners of the algorithm. */
class MirrorMergeTest {

    @Test
    void chainedListsJoin() {
        MergedOrder m = MirrorMerge.merge("src", List.of(List.of("a", "b", "c"), List.of("c", "d", "e")));
        assertEquals(List.of("a", "b", "c", "d", "e"), m.order());
        assertFalse(m.conflict());
        assertFalse(m.sourceBeforeMirror());
    }

    @Test
    void independentListsInterleaveInFifoOrderNotPriorityOrder() {
        MergedOrder m = MirrorMerge.merge("src", List.of(List.of("z.m", "y.m"), List.of("b.m", "a.m")));
        assertEquals(List.of("b.m", "z.m", "a.m", "y.m"), m.order());
    }

    @Test
    void cycleTakesFirstNodeInByteOrderWhichCanBeTheSource() {
        MergedOrder m = MirrorMerge.merge("docker.io", List.of(
                List.of("registry-a.corp.example", "registry-b.corp.example"),
                List.of("registry-b.corp.example", "registry-a.corp.example")));
        assertEquals(List.of("docker.io", "registry-a.corp.example", "registry-b.corp.example"), m.order());
        assertTrue(m.conflict());
        assertTrue(m.sourceBeforeMirror());
        assertEquals(List.of(List.of("registry-a.corp.example", "registry-b.corp.example")), m.cycles());
    }

    @Test
    void cycleWhereSourceSortsLastDropsTrailingSource() {
        MergedOrder m = MirrorMerge.merge("quay.io/ns", List.of(List.of("m1.local/ns", "m2.local/ns"),
                List.of("m2.local/ns", "m1.local/ns")));
        assertEquals(List.of("m1.local/ns", "m2.local/ns"), m.order());
        assertTrue(m.conflict());
        assertFalse(m.sourceBeforeMirror());
    }

    @Test
    void sourceListedInTheMiddleStaysWhereItLands() {
        MergedOrder m = MirrorMerge.merge("s.example", List.of(List.of("a.example", "s.example", "b.example")));
        assertEquals(List.of("a.example", "s.example", "b.example"), m.order());
        assertTrue(m.sourceBeforeMirror());
        assertFalse(m.conflict());
    }

    @Test
    void sameEdgeFromTwoListsCountsOnce() {
        MergedOrder m = MirrorMerge.merge("s", List.of(List.of("a", "b"), List.of("a", "b")));
        assertEquals(List.of("a", "b"), m.order());
        assertFalse(m.conflict());
    }

    @Test
    void repeatedMirrorInOneListIsACycle() {
        MergedOrder m = MirrorMerge.merge("s", List.of(List.of("a", "b", "a")));
        assertTrue(m.conflict());
        assertEquals(List.of("a", "b"), m.order());
    }

    @Test
    void singleList() {
        assertEquals(List.of("b", "a"), MirrorMerge.merge("s", List.of(List.of("b", "a"))).order());
    }

    @Test
    void singleListShortcutAgreesWithTheGraph() {
        // the same lists through the graph (two identical lists share every edge) and the shortcut
        List<String> list = List.of("c.example", "a.example", "b.example");
        assertEquals(MirrorMerge.merge("s", List.of(list, list)).order(), MirrorMerge.merge("s", List.of(list)).order());
        assertEquals(list, MirrorMerge.merge("s", List.of(list)).order());
    }
}
