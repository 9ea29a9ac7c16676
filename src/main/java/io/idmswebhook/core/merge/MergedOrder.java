package io.idmswebhook.core.merge;

import java.util.List;

/**
 * The mirror order the nodes will use for one source.
 *
 * @param source          the source
 * @param order           endpoints in the order nodes try them; contains the source only when it
 *                        lands before a mirror (rule O2)
 * @param cycles          the strongly connected components behind an order conflict (rule O1),
 *                        each sorted; empty when the lists agree
 * @param lists           how many lists took part
 */
public record MergedOrder(String source, List<String> order, List<List<String>> cycles, int lists) {

    public MergedOrder {
        order = List.copyOf(order);
        cycles = List.copyOf(cycles);
    }

    public boolean conflict() {
        return !cycles.isEmpty();
    }

    /** The source is contacted before at least one of its mirrors. */
    public boolean sourceBeforeMirror() {
        return order.contains(source);
    }
}
