package io.idmswebhook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * 64 clients, each on its own keep-alive connection, for {@code idms.concurrency.seconds} (10 by
 * default, which is what CI runs), with a mix of reviews whose answers are known: allowed,
 * denied (P1, and X4), a conflict (O-rule warning), and /mutate with a patch. Every answer must be
 * the right one for its own uid: a mixed-up answer between connections fails as surely as an
 * error.
 */
@QuarkusTest
class ConcurrencyTest {

    static final int CLIENTS = 64;
    static final int SECONDS = Integer.getInteger("idms.concurrency.seconds", 10);

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    /** A review body maker and what its answer must be. */
    private record Mix(String name, String path, String base, java.util.function.Consumer<ObjectNode> edit,
                       java.util.function.Predicate<JsonNode> expected) {
    }

    private static final List<Mix> MIXES = List.of(
            new Mix("valid", "/validate", "idms-allowed", r -> { }, a -> a.path("allowed").asBoolean()),
            new Mix("denied-p1", "/validate", "idms-allowed", r -> ((ObjectNode) r.at("/request/object/spec/imageDigestMirrors/0"))
                    .putArray("mirrors"), a -> !a.path("allowed").asBoolean() && a.path("status").path("message").asText().contains("[P1]")),
            new Mix("denied-x4", "/validate", "itms-allowed", r -> ((ObjectNode) r.at("/request/object/spec/imageTagMirrors/0"))
                    .put("mirrors", 5), a -> !a.path("allowed").asBoolean() && a.path("status").path("message").asText().contains("[X4]")),
            new Mix("conflict", "/validate", "icsp-allowed", r -> {
                ArrayNode list = (ArrayNode) r.at("/request/object/spec/repositoryDigestMirrors");
                list.addObject().put("source", "quay.io/ocp").putArray("mirrors").add("b.corp.example/ocp").add("mirror.corp.example/ocp");
                ((ArrayNode) list.get(0).get("mirrors")).add("b.corp.example/ocp");
            }, a -> a.path("allowed").asBoolean() && a.path("warnings").toString().matches(".*\\[O[12]\\].*")),
            new Mix("mutate", "/mutate", "idms-allowed", r -> ((ObjectNode) r.at("/request/object/spec/imageDigestMirrors/0"))
                    .put("source", "quay.io/ocp/"), a -> a.path("allowed").asBoolean() && a.path("patch").isTextual()));

    @Test
    void sixtyFourClientsGetTheirOwnRightAnswers() throws Exception {
        URI base = URI.create("https://localhost:" + webhook.getPort());
        Path cert = Path.of(ConfigProvider.getConfig().getValue("idms.tls.cert", String.class));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicLong answered = new AtomicLong();
        AtomicLong[] perMix = new AtomicLong[MIXES.size()];
        for (int i = 0; i < perMix.length; i++) {
            perMix[i] = new AtomicLong();
        }
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            pool.execute(() -> {
                WebhookClient http = new WebhookClient(base, cert);
                long n = 0;
                while (System.nanoTime() < deadline && errors.size() < 20) {
                    int m = (int) ((client + n) % MIXES.size());
                    Mix mix = MIXES.get(m);
                    String uid = "c" + client + "-" + n++;
                    ObjectNode review = HostileBodies.base(mix.base());
                    ((ObjectNode) review.get("request")).put("uid", uid);
                    mix.edit().accept(review);
                    try {
                        WebhookClient.Reply reply = http.post(mix.path(), WebhookClient.JSON.writeValueAsBytes(review));
                        JsonNode response = reply.json() == null ? null : reply.json().path("response");
                        if (reply.status() != 200 || response == null || !uid.equals(response.path("uid").asText())
                                || !mix.expected().test(response)) {
                            errors.add(mix.name() + " " + uid + " -> " + reply.status() + " " + reply.text());
                        } else {
                            answered.incrementAndGet();
                            perMix[m].incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.add(mix.name() + " " + uid + " -> " + e);
                    }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(SECONDS + 60L, TimeUnit.SECONDS), "clients still running");
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < perMix.length; i++) {
            summary.append(' ').append(MIXES.get(i).name()).append('=').append(perMix[i].get());
        }
        System.out.printf("concurrency: %d clients, %d s, %d answers, %d errors;%s%n", CLIENTS, SECONDS, answered.get(),
                errors.size(), summary);
        assertEquals(List.of(), errors.subList(0, Math.min(10, errors.size())), errors.size() + " errors");
        assertTrue(answered.get() >= CLIENTS, "only " + answered.get() + " answers");
    }
}
