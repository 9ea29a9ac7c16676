package io.idmswebhook.core.merge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The string-keyed merge that {@link MirrorMerge} replaced, kept word for word as the oracle of
 * {@code MirrorMergeDifferentialTest}: the index-based rewrite must give the same order and the
 * same cycles for every input. (It was checked against the rule book's worked examples and the
 * vectors for the first session's release.)
 */
public final class ReferenceMirrorMerge {

    private ReferenceMirrorMerge() {
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
        Map<String, Set<String>> successors = new HashMap<>();
        Map<String, Integer> inDegree = new HashMap<>();
        TreeSet<String> nodes = new TreeSet<>();
        for (List<String> list : lists) {
            if (list.isEmpty()) {
                continue;
            }
            for (String m : list) {
                nodes.add(m);
            }
            for (int i = 0; i + 1 < list.size(); i++) {
                addEdge(successors, inDegree, list.get(i), list.get(i + 1));
            }
            if (!list.contains(source)) {
                nodes.add(source);
                addEdge(successors, inDegree, list.get(list.size() - 1), source);
            }
        }
        List<String> sorted = new ArrayList<>(nodes);
        List<String> order = topologicalOrder(sorted, successors, inDegree);
        if (!order.isEmpty() && order.get(order.size() - 1).equals(source)) {
            order.remove(order.size() - 1);
        }
        return new MergedOrder(source, order, cycles(sorted, successors), lists.size());
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

    private static void addEdge(Map<String, Set<String>> successors, Map<String, Integer> inDegree,
                                String from, String to) {
        if (successors.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to)) {
            inDegree.merge(to, 1, Integer::sum);
        }
    }

    private static List<String> topologicalOrder(List<String> sorted, Map<String, Set<String>> successors,
                                                 Map<String, Integer> inDegreeIn) {
        Map<String, Integer> inDegree = new HashMap<>(inDegreeIn);
        Set<String> used = new java.util.HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String n : sorted) {
            if (inDegree.getOrDefault(n, 0) == 0) {
                queue.add(n);
            }
        }
        List<String> order = new ArrayList<>(sorted.size());
        int fallback = 0;
        while (order.size() < sorted.size()) {
            String next;
            if (!queue.isEmpty()) {
                next = queue.poll();
            } else {
                while (used.contains(sorted.get(fallback))) {
                    fallback++;
                }
                next = sorted.get(fallback);
            }
            order.add(next);
            used.add(next);
            List<String> ready = new ArrayList<>();
            for (String s : successors.getOrDefault(next, Set.of())) {
                int d = inDegree.merge(s, -1, Integer::sum);
                if (d == 0 && !used.contains(s)) {
                    ready.add(s);
                }
            }
            Collections.sort(ready);
            queue.addAll(ready);
        }
        return order;
    }

    /** Strongly connected components with more than one node or a self-loop (Tarjan, iterative). */
    static List<List<String>> cycles(List<String> sorted, Map<String, Set<String>> successors) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        ArrayDeque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> out = new ArrayList<>();
        int counter = 0;
        for (String root : sorted) {
            if (index.containsKey(root)) {
                continue;
            }
            ArrayDeque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {root, successors.getOrDefault(root, Set.of()).iterator()});
            index.put(root, counter);
            low.put(root, counter);
            counter++;
            stack.push(root);
            onStack.add(root);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter);
                        low.put(w, counter);
                        counter++;
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, successors.getOrDefault(w, Set.of()).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1 || successors.getOrDefault(v, Set.of()).contains(v)) {
                        Collections.sort(component);
                        out.add(component);
                    }
                }
            }
        }
        out.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return out;
    }
}
