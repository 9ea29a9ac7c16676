package io.idmswebhook.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index-based {@link MirrorMerge} against the string-keyed merge it replaced
 * ({@link ReferenceMirrorMerge}): the same order and the same cycles for seeded random mirror
 * lists, small alphabets so that lists overlap, disagree, repeat a mirror, name the source, and
 * form cycles and self-loops; and large ones past the point where a node's successors move from a
 * scan to a set.
 */
class MirrorMergeDifferentialTest {

    private static final String SOURCE = "quay.io/ns/app";

    private static List<List<String>> randomLists(Random rnd, int alphabet, int maxLists, int maxLength) {
        int count = 1 + rnd.nextInt(maxLists);
        List<List<String>> lists = new ArrayList<>(count);
        for (int l = 0; l < count; l++) {
            int length = rnd.nextInt(maxLength + 1);
            List<String> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                // One in ten is the source itself (rule O2's "source before a mirror").
                list.add(rnd.nextInt(10) == 0 ? SOURCE : "m" + rnd.nextInt(alphabet) + ".example/ns/app");
            }
            lists.add(list);
        }
        return lists;
    }

    private static void assertSame(List<List<String>> lists) {
        MergedOrder want = ReferenceMirrorMerge.merge(SOURCE, lists);
        MergedOrder got = MirrorMerge.merge(SOURCE, lists);
        assertEquals(want, got, () -> "lists " + lists);
    }

    @Test
    void smallOverlappingListsMergeAsBefore() {
        Random rnd = new Random(20261128L);
        for (int i = 0; i < 50_000; i++) {
            assertSame(randomLists(rnd, 1 + rnd.nextInt(8), 6, 6));
        }
    }

    @Test
    void largeListsPastTheScanLimitMergeAsBefore() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            assertSame(randomLists(rnd, 40 + rnd.nextInt(80), 40, 60));
        }
    }

    @Test
    void emptyListsAndNoListsMergeAsBefore() {
        assertSame(List.of());
        assertSame(List.of(List.of()));
        assertSame(List.of(List.of(), List.of("a.example", "b.example"), List.of()));
        assertSame(List.of(List.of(SOURCE)));
        assertSame(List.of(List.of("a.example", "a.example")));
    }
}
