package io.idmswebhook.cli;

import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
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
     * One mirror set from the inputs. {@code shapeError} is set when the object could not be read
     * (rule X4); such an object is reported but not part of the cluster.
     */
    record Loaded(Inputs.Origin origin, MirrorSetKind kind, MirrorSet set, Finding shapeError) {
        String ref() {
            return kind.ref(set.name());
        }
    }

    private final List<Loaded> objects = new ArrayList<>();
    private final MirrorSetIndex index = new MirrorSetIndex(ClusterState.READY);
    private ImageConfig imageConfig = ImageConfig.NONE;
    private Inputs.Origin imageConfigOrigin;
    private int ignored;

    static Workspace of(List<Inputs.Input> inputs) throws InputException {
        Workspace w = new Workspace();
        Map<String, Inputs.Origin> seen = new HashMap<>();
        for (Inputs.Input in : inputs) {
            w.add(in, seen);
        }
        w.index.setImageConfig(w.imageConfig);
        return w;
    }

    private void add(Inputs.Input in, Map<String, Inputs.Origin> seen) throws InputException {
        if (MirrorSetTranslator.isImageConfig(in.object())) {
            if (imageConfigOrigin != null) {
                throw new InputException(in.origin() + ": a second image config Image/cluster (the first is at "
                        + imageConfigOrigin + "); a cluster has one, so give one");
            }
            imageConfigOrigin = in.origin();
            imageConfig = MirrorSetTranslator.imageConfig(in.object());
            return;
        }
        Optional<MirrorSetKind> kind = MirrorSetTranslator.kindOf(in.object());
        if (kind.isEmpty()) {
            ignored++;
            return;
        }
        // An object without a name (generateName) still needs a distinct identity in the index.
        String fallback = "(unnamed at " + in.origin() + ")";
        MirrorSet set;
        Finding shapeError = null;
        try {
            set = MirrorSetTranslator.read(kind.get(), in.object(), fallback);
        } catch (ShapeException e) {
            String name = in.object().path("metadata").path("name").asText("");
            set = new MirrorSet(kind.get(), name.isEmpty() ? fallback : name, List.of());
            shapeError = e.finding();
        }
        String key = set.ref();
        Inputs.Origin first = seen.putIfAbsent(key, in.origin());
        if (first != null) {
            throw new InputException(in.origin() + ": " + key + " is also defined at " + first
                    + "; a cluster holds one object per kind and name, so pass only one of them");
        }
        if (shapeError == null) {
            index.put(set);
        }
        objects.add(new Loaded(in.origin(), kind.get(), set, shapeError));
    }

    List<Loaded> objects() {
        return objects;
    }

    MirrorSetIndex index() {
        return index;
    }

    boolean hasImageConfig() {
        return imageConfigOrigin != null;
    }

    int ignored() {
        return ignored;
    }
}
