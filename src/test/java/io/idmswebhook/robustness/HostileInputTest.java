package io.idmswebhook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.runtime.configuration.MemorySize;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The robustness suite: malformed and hostile bodies sent over HTTPS to both endpoints, each of
 * which must get a 4xx with a JSON reason or a 200 AdmissionReview with the request's uid, and a
 * denial wherever the rules deny (X3 for an object over a limit, X4 for a field of the wrong type):
 * never a 5xx, never a hang, never an allow by accident.
 *
 * <p>Seeded: {@code -Didms.robustness.seed=N} (default 11) replays the same bodies. The count is
 * {@code -Didms.robustness.requests=N}: 10,000 by default (CI), 100,000 as the bench run
 * ({@code ./mvnw test -Dtest=HostileInputTest -Didms.robustness.requests=100000}).
 */
@QuarkusTest
class HostileInputTest {

    static final int REQUESTS = Integer.getInteger("idms.robustness.requests", 10_000);
    static final long SEED = Long.getLong("idms.robustness.seed", 11);
    static final int THREADS = 4;
    /** Used heap may grow by this much over the run and no more, once garbage is collected. */
    static final long HEAP_SLACK = 64L << 20;
    /**
     * How long to keep collecting before calling what is left retained. The JVM is shared with the
     * other test classes and the machine may be busy: finalisation, reference processing and the
     * last connections' buffers can take seconds to become collectable. A leak does not.
     */
    static final Duration HEAP_PATIENCE = Duration.ofSeconds(60);
    /** A finding as status.message joins them: one per line, each ending with its rule id. */
    static final Pattern FINDING_LINE = Pattern.compile("[^\\n]*\\[[A-Z]\\d+\\]");

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyHostileBodyGetsAReasonOrItsUidAndNeverAnAccidentalAllow() throws Exception {
        long maxBody = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();
        WebhookClient client = new WebhookClient(URI.create("https://localhost:" + webhook.getPort()),
                Path.of(ConfigProvider.getConfig().getValue("idms.tls.cert", String.class)));
        // Warm the service and this JVM up before the heap baseline.
        HostileBodies warm = new HostileBodies(SEED + 1, maxBody);
        for (int i = 0; i < 200; i++) {
            send(client, warm.randomCase(), false);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedHeapAfterGc(memory, 0, Duration.ZERO).lowest();

        long start = System.nanoTime();
        long sent = run(client, maxBody);
        double seconds = (System.nanoTime() - start) / 1e9;

        Heap settled = usedHeapAfterGc(memory, baseline + HEAP_SLACK, HEAP_PATIENCE);
        long after = settled.lowest();
        System.out.printf("robustness: %d requests in %.1f s (seed %d, %d threads); used heap %d MiB before, %d MiB after "
                        + "(%d collection rounds)%n", sent, seconds, SEED, THREADS, baseline >> 20, after >> 20, settled.rounds());
        new TreeMap<>(counts).forEach((category, byStatus) ->
                System.out.printf("  %-18s %s%n", category, new TreeMap<>(byStatus)));

        assertTrue(sent >= REQUESTS, "sent " + sent + " of " + REQUESTS);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
        long fiveHundreds = counts.values().stream().flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().startsWith("5")).mapToLong(e -> e.getValue().get()).sum();
        assertEquals(0, fiveHundreds, "5xx answers");
        assertTrue(after <= baseline + HEAP_SLACK, "used heap " + (after >> 20) + " MiB after the run (lowest of "
                + settled.rounds() + " collection rounds over " + HEAP_PATIENCE.toSeconds() + " s), " + (baseline >> 20)
                + " MiB before: more than " + (HEAP_SLACK >> 20) + " MiB retained");
        stillUp();
    }

    /** Fixed cases, then the type walk, then seeded random ones up to the requested count. */
    private long run(WebhookClient client, long maxBody) throws InterruptedException {
        HostileBodies bodies = new HostileBodies(SEED, maxBody);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Semaphore inFlight = new Semaphore(THREADS * 4);
        AtomicLong sent = new AtomicLong();
        java.util.function.Consumer<HostileCase> submit = c -> {
            inFlight.acquireUninterruptibly();
            sent.incrementAndGet();
            pool.execute(() -> {
                try {
                    send(client, c, true);
                } finally {
                    inFlight.release();
                }
            });
        };
        bodies.fixed(submit);
        bodies.typeWalk(submit);
        while (sent.get() < REQUESTS) {
            submit.accept(bodies.randomCase());
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "requests still running after 10 minutes");
        return sent.get();
    }

    private void send(WebhookClient client, HostileCase c, boolean count) {
        String outcome;
        try {
            WebhookClient.Reply reply = client.post(c.path(), c.body());
            outcome = String.valueOf(reply.status());
            String problem = check(c, reply);
            if (problem != null) {
                failures.add(problem + ": " + c + " -> " + reply.status() + " " + clip(reply.text()));
            }
        } catch (Exception e) {
            outcome = "no-answer";
            failures.add("no answer (" + e + "): " + c);
        }
        if (count) {
            counts.computeIfAbsent(c.category(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Null when the reply is what the case must get, else what is wrong with it. */
    static String check(HostileCase c, WebhookClient.Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return "server error";
        }
        JsonNode json = reply.json();
        if (status == 413) {
            return c.expect() == Expect.TOO_LARGE ? reason(json) : "unexpected 413";
        }
        if (c.expect() == Expect.TOO_LARGE) {
            return "expected 413";
        }
        if (status == 400) {
            return switch (c.expect()) {
                case BAD_REQUEST, NOT_ALLOWED, ANSWERED -> reason(json);
                default -> "unexpected 400";
            };
        }
        if (status != 200) {
            return "unexpected status";
        }
        if (c.expect() == Expect.BAD_REQUEST) {
            return "expected 400";
        }
        if (json == null || !"AdmissionReview".equals(json.path("kind").asText())) {
            return "200 without an AdmissionReview";
        }
        JsonNode response = json.path("response");
        String uid = c.uid() != null ? c.uid() : sentUid(c.body());
        if (uid == null || !uid.equals(response.path("uid").asText(null))) {
            return "uid " + response.path("uid") + " instead of " + uid;
        }
        boolean allowed = response.path("allowed").asBoolean(false);
        String message = response.path("status").path("message").asText("");
        if (!allowed && !message.lines().allMatch(l -> FINDING_LINE.matcher(l).matches())) {
            return "a line of status.message is not one finding";
        }
        for (JsonNode w : response.path("warnings")) {
            if (w.asText().contains("\n") || w.asText().contains("\r")) {
                return "a warning spans lines";
            }
        }
        return switch (c.expect()) {
            case ALLOWED -> allowed ? null : "expected allowed";
            case ALLOWED_UNCHANGED -> allowed && response.path("patch").isMissingNode() ? null : "expected allowed without a patch";
            case DENIED -> !allowed && message.contains("[" + c.rule() + "]") ? null : "expected denied by " + c.rule();
            case NOT_ALLOWED -> allowed ? "allowed" : null;
            default -> null;
        };
    }

    private static String reason(JsonNode json) {
        if (json == null || !json.path("message").isTextual() || json.path("message").asText().isBlank()) {
            return "4xx without a JSON reason";
        }
        return null;
    }

    /** The uid as a plain (lenient) reader sees it in what was sent. */
    private static String sentUid(byte[] body) {
        try {
            JsonNode uid = WebhookClient.JSON.readTree(body).path("request").path("uid");
            return uid.isTextual() ? uid.textValue() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private void stillUp() throws Exception {
        WebhookClient.Reply ready = ManagementProbe.get(health.toString() + "/ready");
        assertEquals(200, ready.status(), ready.text());
        assertTrue(ready.text().contains("\"UP\""), ready.text());
    }

    /** The lowest used heap seen after {@code rounds} explicit collections. */
    record Heap(long lowest, int rounds) {
    }

    /**
     * Used heap once garbage is collected: collections in rounds, keeping the lowest reading, at
     * least three (one System.gc() may leave garbage that finalisation or reference processing
     * frees only later) and more while the reading is above {@code target} and {@code patience}
     * has not run out. Waiting only ever lowers the reading, so a retained leak still shows.
     */
    static Heap usedHeapAfterGc(MemoryMXBean memory, long target, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long lowest = Long.MAX_VALUE;
        int rounds = 0;
        while (rounds < 3 || lowest > target && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(rounds < 3 ? 100 : 1000);
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
            rounds++;
        }
        return new Heap(lowest, rounds);
    }

    private static String clip(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...";
    }
}
