package io.idmswebhook.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.merge.MergedOrder;
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code [[registry]]} entries the Machine Config Operator renders into the nodes'
 * {@code /etc/containers/registries.conf} from a set of mirror sets: one entry per source, sorted
 * by source (byte order) as the operator writes them; a wildcard source ({@code *.example.com})
 * as {@code prefix} and every other source as {@code location}; {@code blocked} when an entry with
 * mirrors says {@code NeverContactSource}; digest mirrors (IDMS, ICSP) in their merged order, then
 * tag mirrors (ITMS) in theirs, each with its {@code pull-from-mirror}. Entries without a real
 * mirror are skipped, as the operator skips them. Flags the cluster image config adds
 * (insecure, blocked registries) are not part of this view.
 *
 * <p>Shared by the offline {@code preview} command (cli) and the service's {@code GET /preview}
 * (ops): here, next to {@link MirrorSetTranslator}, because it needs Jackson (so not in the core) and
 * one adapter must not depend on another; this package is also already in the CLI jar.
 */
public final class Preview {

    public static final String FORMAT = "idms-preview/v1";

    /** One endpoint the nodes try, in order. */
    public record Mirror(String location, MirrorGroup group) {
    }

    /** One {@code [[registry]]} entry. */
    public record Registry(String source, boolean blocked, List<Mirror> mirrors, List<String> objects,
                           boolean orderConflict) {
        public boolean wildcard() {
            return source.startsWith("*.");
        }
    }

    private final List<Registry> registries;

    private Preview(List<Registry> registries) {
        this.registries = List.copyOf(registries);
    }

    public static Preview of(Collection<MirrorSet> sets) {
        // source -> group -> lists; TreeMap gives the byte order of ASCII sources the nodes' file uses
        Map<String, Map<MirrorGroup, List<List<String>>>> lists = new TreeMap<>();
        Map<String, TreeSet<String>> owners = new TreeMap<>();
        Map<String, Boolean> blocked = new TreeMap<>();
        for (MirrorSet set : sets) {
            MirrorGroup group = set.kind().mirrorGroup();
            for (MirrorEntry e : set.entries()) {
                if (e.source() == null || !e.hasRealMirror()) {
                    continue;
                }
                List<String> mirrors = new ArrayList<>(e.mirrors().size());
                for (String m : e.mirrors()) {
                    if (m != null) {
                        mirrors.add(m);
                    }
                }
                lists.computeIfAbsent(e.source(), s -> new EnumMap<>(MirrorGroup.class))
                        .computeIfAbsent(group, g -> new ArrayList<>()).add(mirrors);
                owners.computeIfAbsent(e.source(), s -> new TreeSet<>()).add(set.ref());
                blocked.merge(e.source(), e.neverContactSource(), Boolean::logicalOr);
            }
        }
        List<Registry> out = new ArrayList<>(lists.size());
        lists.forEach((source, byGroup) -> {
            List<Mirror> mirrors = new ArrayList<>();
            boolean conflict = false;
            for (MirrorGroup g : MirrorGroup.values()) {
                List<List<String>> l = byGroup.get(g);
                if (l == null) {
                    continue;
                }
                MergedOrder merged = MirrorMerge.merge(source, l);
                conflict |= merged.conflict();
                for (String m : merged.order()) {
                    mirrors.add(new Mirror(m, g));
                }
            }
            out.add(new Registry(source, blocked.get(source), mirrors, List.copyOf(owners.get(source)), conflict));
        });
        return new Preview(out);
    }

    /** registries.conf syntax (TOML), the shape the nodes' file has. */
    public String toml() {
        StringBuilder sb = new StringBuilder();
        sb.append("# registries.conf mirror entries the nodes get from these mirror sets (")
                .append(registries.size()).append(" source(s))\n");
        for (Registry r : registries) {
            sb.append('\n').append("# from ").append(String.join(", ", r.objects()));
            if (r.orderConflict()) {
                sb.append("; mirror order conflict [O1]");
            }
            sb.append('\n').append("[[registry]]\n");
            sb.append(r.wildcard() ? "  prefix = " : "  location = ").append(quote(r.source())).append('\n');
            if (r.blocked()) {
                sb.append("  blocked = true\n");
            }
            for (Mirror m : r.mirrors()) {
                sb.append('\n').append("  [[registry.mirror]]\n");
                sb.append("    location = ").append(quote(m.location())).append('\n');
                sb.append("    pull-from-mirror = ").append(quote(m.group().pullFromMirror())).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The JSON documented in the README (Offline lint and preview) ({@code "format": "idms-preview/v1"}).
     *
     * @param view where the objects came from: {@code files} for the CLI, the cluster view's state
     *             for the service
     */
    public ObjectNode json(String view) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("view", view);
        ArrayNode regs = root.putArray("registries");
        for (Registry r : registries) {
            ObjectNode n = regs.addObject();
            n.put("source", r.source());
            n.put(r.wildcard() ? "prefix" : "location", r.source());
            n.put("blocked", r.blocked());
            ArrayNode ms = n.putArray("mirrors");
            for (Mirror m : r.mirrors()) {
                ms.addObject().put("location", m.location()).put("pull-from-mirror", m.group().pullFromMirror());
            }
            ArrayNode from = n.putArray("objects");
            r.objects().forEach(from::add);
            n.put("orderConflict", r.orderConflict());
        }
        return root;
    }

    /**
     * {@code GET /preview} of the service: the same JSON for the live cluster view. Without a
     * current view the registries are empty and {@code clusterChecks} says why, so an empty list
     * is never mistaken for a cluster without mirrors.
     */
    public static ObjectNode forCluster(ClusterView view) {
        return switch (view.state()) {
            case READY -> {
                ObjectNode n = of(view.objects()).json("cluster");
                n.put("clusterChecks", "on");
                yield n;
            }
            case OFF -> {
                ObjectNode n = of(List.of()).json("cluster");
                n.put("clusterChecks", "off");
                n.put("note", "cluster checks are off (idms.cluster-checks=off, or auto without a cluster): "
                        + "there is no cluster view to preview; run `idms-lint preview` on your manifests instead");
                yield n;
            }
            case UNAVAILABLE -> {
                ObjectNode n = of(List.of()).json("cluster");
                n.put("clusterChecks", "unavailable");
                n.put("note", "the cluster view is not available now (not synced or API server unreachable); "
                        + "retry later");
                yield n;
            }
        };
    }

    /** Two-space indented, one field per line, LF line ends on every platform: stable for diffs. */
    private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    public static String pretty(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** A TOML basic string; locations the rules deny can hold anything, so escape what TOML needs. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
