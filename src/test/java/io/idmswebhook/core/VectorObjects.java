package io.idmswebhook.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.json.MirrorSetTranslator;
import io.idmswebhook.json.ShapeException;

/**
 * The vectors' JSON objects as the core model, read by the same translator as requests, informer
 * objects and files, so core tests and endpoint tests see one reading of each object.
 */
public final class VectorObjects {

    private VectorObjects() {
    }

    public static MirrorSet mirrorSet(JsonNode obj) {
        try {
            return MirrorSetTranslator.read(MirrorSetTranslator.kindOf(obj)
                    .orElseThrow(() -> new IllegalArgumentException("not a mirror set: " + obj)), obj, "");
        } catch (ShapeException e) {
            throw new IllegalArgumentException("a vector object the webhook cannot read: " + e.finding(), e);
        }
    }

    public static boolean isImageConfig(JsonNode obj) {
        return MirrorSetTranslator.isImageConfig(obj);
    }

    public static ImageConfig imageConfig(JsonNode obj) {
        return MirrorSetTranslator.imageConfig(obj);
    }
}
