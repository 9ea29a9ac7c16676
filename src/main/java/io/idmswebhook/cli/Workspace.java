package io.idmswebhook.cli;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.json.MirrorSetTranslator;
import io.idmswebhook.json.ShapeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every input read together, as the cluster the objects would land in: mirror sets indexed the
 * way the webhook's cluster view indexes them, the image config if one is among the inputs, and
 * a count of the other kinds (kustomize output carries many), which are skipped.
 */
final class Workspace {

    /**
     * One mirror set from the inputs.
     *
     * @param apiVersion as written
     * @param blocking   set when the object cannot be judged as its kind: it does not have the
     *                   kind's shape (X4) or is written under an apiVersion that does not serve the
     *                   kind (X5); such an object is reported with this finding alone and is not
     *                   part of the cluster
     * @param schema     fields the kind's schema does not have (X5)
     */
    record Loaded(Inputs.Origin origin, Positions positions, String apiVersion, MirrorSetKind kind, MirrorSet set,
                  Finding blocking, List<Finding> schema) {
        String ref() {
            return kind.ref(set.name());
        }
    }

    private final List<Loaded> objects = new ArrayList<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private final MirrorSetIndex index = new MirrorSetIndex(ClusterState.READY);
    private final SchemaFieldCheck schema;
    private ImageConfig imageConfig = ImageConfig.NONE;
    private Inputs.Input imageConfigInput;
    private int ignored;

    private Workspace(SchemaFieldCheck schema) {
        this.schema = schema;
    }

    static Workspace of(Inputs.Read read, SchemaFieldCheck schema) {
        Workspace w = new Workspace(schema);
        w.problems.addAll(read.problems());
        Map<String, Inputs.Input> seen = new HashMap<>();
        for (Inputs.Input in : read.inputs()) {
            w.add(in, seen);
        }
        w.index.setImageConfig(w.imageConfig);
        return w;
    }

    /**
     * The whole tree or nothing, for the commands that describe the nodes (explain, diff): a
     * rendering of part of the inputs would show registries the nodes will not get.
     */
    static Workspace complete(java.io.InputStream stdin, List<String> paths) throws InputException, UsageException {
        Workspace w = of(paths.isEmpty() ? new Inputs.Read(List.of(), List.of(), false) : new Inputs(stdin).read(paths),
                new SchemaFieldCheck(false));
        for (InputProblem p : w.problems) {
            if (!p.kind().notice()) {
                throw new InputException(p.toString());
            }
        }
        return w;
    }

    private void add(Inputs.Input in, Map<String, Inputs.Input> seen) {
        if (MirrorSetTranslator.isImageConfig(in.object())) {
            if (imageConfigInput != null) {
                problems.add(duplicate(in, "a second image config Image/cluster (the first is at "
                        + where(imageConfigInput) + "); a cluster has one, so give one"));
                return;
            }
            imageConfigInput = in;
            imageConfig = MirrorSetTranslator.imageConfig(in.object());
            return;
        }
        String apiVersion = in.object().path("apiVersion").asText("");
        Optional<MirrorSetKind> kind = MirrorSetTranslator.kindOf(in.object());
        Finding blocking = null;
        if (kind.isEmpty()) {
            Optional<SchemaFieldCheck.WrongApiVersion> wrong = schema.wrongApiVersion(in.object());
            if (wrong.isEmpty()) {
                ignored++;
                return;
            }
            kind = Optional.of(wrong.get().meant());
            blocking = wrong.get().finding();
        }
        // An object without a name (generateName) still needs a distinct identity in the index.
        String fallback = "(unnamed at " + in.origin() + ")";
        String name = in.object().path("metadata").path("name").asText("");
        MirrorSet set = new MirrorSet(kind.get(), name.isEmpty() ? fallback : name, List.of());
        if (blocking == null) {
            try {
                set = MirrorSetTranslator.read(kind.get(), in.object(), fallback);
            } catch (ShapeException e) {
                blocking = e.finding();
            }
        }
        Loaded loaded = new Loaded(in.origin(), in.positions(), apiVersion, kind.get(), set, blocking,
                blocking == null ? schema.unknownFields(kind.get(), in.object()) : List.of());
        if (blocking != null && blocking.rule() == io.idmswebhook.core.rules.RuleId.X5) {
            // not served as a mirror kind, so it cannot clash with one that is
            objects.add(loaded);
            return;
        }
        String key = set.ref();
        Inputs.Input first = seen.putIfAbsent(key, in);
        if (first != null) {
            problems.add(duplicate(in, key + " is also defined at " + where(first)
                    + "; a cluster holds one object per kind and name, so pass only one of them"
                    + " (for a kustomize base and its patches, lint the output of kustomize build)"));
            return;
        }
        if (blocking == null) {
            index.put(set);
        }
        objects.add(loaded);
    }

    private static InputProblem duplicate(Inputs.Input in, String message) {
        return new InputProblem(in.origin().file(), in.positions().of(""), InputProblem.Kind.DUPLICATE,
                "document " + in.origin().doc() + ": " + message);
    }

    private static String where(Inputs.Input in) {
        return in.origin().file() + ":" + in.positions().of("");
    }

    List<Loaded> objects() {
        return objects;
    }

    /** The inputs that could not be used, in the order met. */
    List<InputProblem> problems() {
        return problems;
    }

    MirrorSetIndex index() {
        return index;
    }

    boolean hasImageConfig() {
        return imageConfigInput != null;
    }

    int ignored() {
        return ignored;
    }
}
