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
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.nodes.Refusal;
import io.idmswebhook.core.nodes.RegistriesConf;
import io.idmswebhook.core.nodes.RenderResult;
import io.idmswebhook.core.nodes.Rendering;
import io.idmswebhook.core.view.ClusterView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The registries.conf the Machine Config Operator writes for a set of mirror sets and the cluster
 * image config ({@link Rendering}), or the operator's refusal to write one, as TOML (the file
 * itself) and as the JSON documented in the README ({@code "format": "idms-preview/v1"}).
 *
 * <p>Shared by the offline {@code preview} command (cli) and the service's {@code GET /preview}
 * (ops): here, next to {@link MirrorSetTranslator}, because it needs Jackson (so not in the core) and
 * one adapter must not depend on another; this package is also already in the CLI jar.
 */
public final class Preview {

    public static final String FORMAT = "idms-preview/v1";

    private final Collection<MirrorSet> sets;
    private final RenderResult rendered;

    private Preview(Collection<MirrorSet> sets, RenderResult rendered) {
        this.sets = List.copyOf(sets);
        this.rendered = rendered;
    }

    public static Preview of(Collection<MirrorSet> sets, ImageConfig config) {
        List<MirrorSet> ordered = new ArrayList<>(sets);
        // the operator's listers give no order a preview could promise; name order is stable
        ordered.sort(Comparator.comparing((MirrorSet s) -> s.kind().ordinal())
                .thenComparing(s -> s.name() == null ? "" : s.name()));
        return new Preview(ordered, Rendering.render(ordered, config));
    }

    public RenderResult rendered() {
        return rendered;
    }

    /** The file the nodes get, byte for byte as this project writes it; null when the operator refuses. */
    public String toml() {
        return rendered.refused() ? null : rendered.conf().toml();
    }

    /**
     * @param view where the objects came from: {@code files} for the CLI, {@code cluster} for the service
     */
    public ObjectNode json(String view) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("view", view);
        if (rendered.refused()) {
            Refusal r = rendered.refusal();
            ObjectNode refusal = root.putObject("refused");
            refusal.put("reason", r.reason());
            if (r.rule() != null) {
                refusal.put("rule", r.rule().name());
            }
            refusal.put("value", r.value());
            root.putArray("registries");
            return root;
        }
        RegistriesConf conf = rendered.conf();
        ArrayNode search = root.putArray("unqualified-search-registries");
        conf.unqualifiedSearchRegistries().forEach(search::add);
        ArrayNode regs = root.putArray("registries");
        for (RegistriesConf.Registry r : conf.registries()) {
            ObjectNode n = regs.addObject();
            n.put("source", r.scope());
            n.put(r.prefix().isEmpty() ? "location" : "prefix", r.scope());
            n.put("blocked", r.blocked());
            n.put("insecure", r.insecure());
            n.put("mirror-by-digest-only", r.mirrorByDigestOnly());
            ArrayNode ms = n.putArray("mirrors");
            for (RegistriesConf.Mirror m : r.mirrors()) {
                ObjectNode mn = ms.addObject().put("location", m.location()).put("insecure", m.insecure());
                if (!m.pullFromMirror().isEmpty()) {
                    mn.put("pull-from-mirror", m.pullFromMirror());
                }
            }
            ArrayNode from = n.putArray("objects");
            owners(r.scope()).forEach(from::add);
            n.put("orderConflict", orderConflict(r.scope()));
        }
        root.put("toml", conf.toml());
        return root;
    }

    /** The objects with an entry of real mirrors for exactly this scope. */
    private List<String> owners(String scope) {
        TreeSet<String> out = new TreeSet<>();
        for (MirrorSet set : sets) {
            for (MirrorEntry e : set.entries()) {
                if (scope.equals(e.source()) && e.hasRealMirror()) {
                    out.add(set.ref());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The lists for this scope disagree on the order, in either mirror group (rule O1). */
    private boolean orderConflict(String scope) {
        Map<MirrorGroup, List<List<String>>> lists = new EnumMap<>(MirrorGroup.class);
        for (MirrorSet set : sets) {
            for (MirrorEntry e : set.entries()) {
                if (scope.equals(e.source()) && e.hasRealMirror()) {
                    lists.computeIfAbsent(set.kind().mirrorGroup(), g -> new ArrayList<>()).add(e.mirrors());
                }
            }
        }
        for (List<List<String>> l : lists.values()) {
            if (MirrorMerge.merge(scope, l).conflict()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code GET /preview} of the service: the same JSON for the live cluster view. Without a
     * current view the registries are empty and {@code clusterChecks} says why, so an empty list
     * is never mistaken for a cluster without mirrors.
     */
    public static ObjectNode forCluster(ClusterView view) {
        return switch (view.state()) {
            case READY -> {
                ObjectNode n = of(view.objects(), view.imageConfig()).json("cluster");
                n.put("clusterChecks", "on");
                yield n;
            }
            case OFF -> {
                ObjectNode n = empty();
                n.put("clusterChecks", "off");
                n.put("note", "cluster checks are off (idms.cluster-checks=off, or auto without a cluster): "
                        + "there is no cluster view to preview; run `idms-lint preview` on your manifests instead");
                yield n;
            }
            case UNAVAILABLE -> {
                ObjectNode n = empty();
                n.put("clusterChecks", "unavailable");
                n.put("note", "the cluster view is not available now (not synced or API server unreachable); "
                        + "retry later");
                yield n;
            }
        };
    }

    private static ObjectNode empty() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("view", "cluster");
        root.putArray("registries");
        return root;
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
}
