package io.idmswebhook.core.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges every mirror list that names one source into the single order the nodes use, exactly
 * as the Machine Config Operator does (rule book section 3): a precedence graph with an edge
 * between consecutive mirrors and from the last mirror to the source when the list does not name
 * it; a FIFO topological sort seeded with the in-degree-0 nodes in byte order; on a cycle, the
 * first unused node in byte order is taken even though it still has predecessors; a trailing
 * source is dropped.
 *
 * <p>A priority queue would be wrong: {@code [z.m, y.m] + [b.m, a.m]} must give
 * {@code b.m, z.m, a.m, y.m}, interleaved in FIFO order.
 *
 * <p>Locations that pass the grammar are ASCII, where {@link String#compareTo} is byte order.
 *
 * <p>One algorithm, the operator's, kept whole in one class with its graph as private state, so
 * it can be read against theirs line by line.
 */
public final class MirrorMerge {

    private MirrorMerge() {
    }

    /**
     * @param source the source the lists belong to
     * @param lists  the mirror lists, each in its written order; the caller leaves out lists
     *               with no real mirror (the nodes skip them)
     */
    public static MergedOrder merge(String source, List<List<String>> lists) {
        if (lists.size() == 1 && isChain(source, lists.get(0))) {
            // One list of distinct mirrors that does not name the source: the graph is a chain
            // ending at the source, so the order is the list itself. The common case, kept cheap.
            return new MergedOrder(source, lists.get(0), List.of(), 1);
        }
        Graph g = Graph.of(source, lists);
        int[] order = g.topologicalOrder();
        int length = order.length;
        if (length > 0 && order[length - 1] == g.source) {
            length--;
        }
        List<String> names = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            names.add(g.names[order[i]]);
        }
        return new MergedOrder(source, names, g.cycles(), lists.size());
    }

    private static boolean isChain(String source, List<String> list) {
        if (list.isEmpty() || list.size() > 16) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            String m = list.get(i);
            if (m.equals(source)) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (list.get(j).equals(m)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The precedence graph with its nodes numbered in byte order, so that "the first in byte order"
     * is the smallest number, and a sort of numbers is a sort of names. Successors keep the order
     * their edges were first added, as the operator's graph does.
     */
    private static final class Graph {

        /** Above this many successors a node's duplicate-edge check uses a set, not a scan. */
        private static final int SCAN_LIMIT = 16;

        final String[] names;
        final int source;
        final int[][] successors;
        final int[] degree;
        final int[] inDegree;
        private final Set<Integer>[] successorSets;

        @SuppressWarnings("unchecked")
        private Graph(String[] names, int source) {
            this.names = names;
            this.source = source;
            int n = names.length;
            this.successors = new int[n][];
            this.degree = new int[n];
            this.inDegree = new int[n];
            this.successorSets = new Set[n];
        }

        static Graph of(String source, List<List<String>> lists) {
            Map<String, Integer> ids = new HashMap<>();
            boolean needsSource = false;
            for (List<String> list : lists) {
                if (list.isEmpty()) {
                    continue;
                }
                for (String m : list) {
                    ids.putIfAbsent(m, 0);
                }
                needsSource |= !list.contains(source);
            }
            if (needsSource) {
                ids.putIfAbsent(source, 0);
            }
            String[] names = ids.keySet().toArray(new String[0]);
            Arrays.sort(names);
            for (int i = 0; i < names.length; i++) {
                ids.put(names[i], i);
            }
            Integer sourceId = ids.get(source);
            Graph g = new Graph(names, sourceId == null ? -1 : sourceId);
            for (List<String> list : lists) {
                if (list.isEmpty()) {
                    continue;
                }
                int previous = ids.get(list.get(0));
                for (int i = 1; i < list.size(); i++) {
                    int next = ids.get(list.get(i));
                    g.addEdge(previous, next);
                    previous = next;
                }
                if (!list.contains(source)) {
                    g.addEdge(previous, g.source);
                }
            }
            return g;
        }

        private void addEdge(int from, int to) {
            int[] out = successors[from];
            int d = degree[from];
            if (successorSets[from] != null) {
                if (!successorSets[from].add(to)) {
                    return;
                }
            } else {
                for (int i = 0; i < d; i++) {
                    if (out[i] == to) {
                        return;
                    }
                }
                if (d == SCAN_LIMIT) {
                    Set<Integer> set = new HashSet<>();
                    for (int i = 0; i < d; i++) {
                        set.add(out[i]);
                    }
                    set.add(to);
                    successorSets[from] = set;
                }
            }
            if (out == null) {
                out = new int[4];
            } else if (d == out.length) {
                out = Arrays.copyOf(out, d * 2);
            }
            out[d] = to;
            successors[from] = out;
            degree[from] = d + 1;
            inDegree[to]++;
        }

        /**
         * FIFO topological order seeded with the in-degree-0 nodes in byte order; the nodes that
         * become ready when one is taken join the queue in byte order; on a cycle (empty queue) the
         * first unused node in byte order is taken.
         */
        int[] topologicalOrder() {
            int n = names.length;
            int[] remaining = inDegree.clone();
            boolean[] used = new boolean[n];
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            for (int v = 0; v < n; v++) {
                if (remaining[v] == 0) {
                    queue[tail++] = v;
                }
            }
            int[] order = new int[n];
            int taken = 0;
            int fallback = 0;
            int[] ready = new int[n];
            while (taken < n) {
                int next;
                if (head < tail) {
                    next = queue[head++];
                } else {
                    while (used[fallback]) {
                        fallback++;
                    }
                    next = fallback;
                }
                order[taken++] = next;
                used[next] = true;
                int count = 0;
                int[] out = successors[next];
                for (int i = 0; i < degree[next]; i++) {
                    int s = out[i];
                    if (--remaining[s] == 0 && !used[s]) {
                        ready[count++] = s;
                    }
                }
                Arrays.sort(ready, 0, count);
                for (int i = 0; i < count; i++) {
                    queue[tail++] = ready[i];
                }
            }
            return order;
        }

        /** Strongly connected components with more than one node or a self-loop (Tarjan, iterative), by name. */
        List<List<String>> cycles() {
            int n = names.length;
            int[] index = new int[n];
            int[] low = new int[n];
            Arrays.fill(index, -1);
            boolean[] onStack = new boolean[n];
            int[] stack = new int[n];
            int top = 0;
            int[] workNode = new int[n];
            int[] workNext = new int[n];
            int counter = 0;
            List<int[]> found = new ArrayList<>();
            for (int root = 0; root < n; root++) {
                if (index[root] >= 0) {
                    continue;
                }
                workNode[0] = root;
                workNext[0] = 0;
                index[root] = low[root] = counter++;
                stack[top++] = root;
                onStack[root] = true;
                int depth = 1;
                while (depth > 0) {
                    int v = workNode[depth - 1];
                    if (workNext[depth - 1] < degree[v]) {
                        int w = successors[v][workNext[depth - 1]++];
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[top++] = w;
                            onStack[w] = true;
                            workNode[depth] = w;
                            workNext[depth] = 0;
                            depth++;
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    depth--;
                    if (depth > 0) {
                        int parent = workNode[depth - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int size = 0;
                        int start = top;
                        do {
                            start--;
                            onStack[stack[start]] = false;
                            size++;
                        } while (stack[start] != v);
                        if (size > 1 || hasEdge(v, v)) {
                            int[] component = Arrays.copyOfRange(stack, start, top);
                            Arrays.sort(component);
                            found.add(component);
                        }
                        top = start;
                    }
                }
            }
            found.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<List<String>> out = new ArrayList<>(found.size());
            for (int[] component : found) {
                List<String> members = new ArrayList<>(component.length);
                for (int v : component) {
                    members.add(names[v]);
                }
                out.add(members);
            }
            return out;
        }

        private boolean hasEdge(int from, int to) {
            for (int i = 0; i < degree[from]; i++) {
                if (successors[from][i] == to) {
                    return true;
                }
            }
            return false;
        }
    }
}
