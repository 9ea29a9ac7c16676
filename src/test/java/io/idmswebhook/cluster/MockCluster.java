package io.idmswebhook.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.config.v1.Image;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSet;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSet;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Writes objects to the mock API server and waits until the cache has seen them. */
final class MockCluster {

    static final List<Class<? extends HasMetadata>> TYPES = List.of(ImageDigestMirrorSet.class,
            ImageTagMirrorSet.class, ImageContentSourcePolicy.class, Image.class);

    /** Long enough for a loaded 2-core machine; the wait ends as soon as the condition holds. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private MockCluster() {
    }

    static HasMetadata typed(KubernetesClient client, JsonNode obj) {
        Class<? extends HasMetadata> type = switch (obj.path("kind").asText()) {
            case "ImageDigestMirrorSet" -> ImageDigestMirrorSet.class;
            case "ImageTagMirrorSet" -> ImageTagMirrorSet.class;
            case "ImageContentSourcePolicy" -> ImageContentSourcePolicy.class;
            case "Image" -> Image.class;
            default -> throw new IllegalArgumentException("not a kind the cache watches: " + obj);
        };
        return client.getKubernetesSerialization().unmarshal(obj.toString(), type);
    }

    static void apply(KubernetesClient client, JsonNode obj) {
        client.resource(typed(client, obj)).createOr(existing -> existing.update());
    }

    static void delete(KubernetesClient client, JsonNode obj) {
        client.resource(typed(client, obj)).delete();
    }

    static void deleteAll(KubernetesClient client) {
        for (Class<? extends HasMetadata> t : TYPES) {
            client.resources(t).delete();
        }
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting for " + what + " " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
