package io.idmswebhook.ops;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared larger than {@code quarkus.http.limits.max-body-size} with 413 and a JSON
 * reason, like every other refusal, before a byte of it is buffered. The framework's own 413 has no
 * body and closes the connection while the client is still sending, so the client usually sees a
 * reset instead of the answer. Here the answer goes out at once and the rest of the body is read
 * and dropped, when it is declared at most {@link #DRAIN_FACTOR} times the cap, so the answer
 * arrives; a larger declared body gets the answer and a closed connection. Chunked bodies (no length) are still counted by the framework as they arrive.
 */
@ApplicationScoped
public class BodyLimitFilter {

    static final int DRAIN_FACTOR = 4;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Filters filters) {
        long max = maxBodySize.asLongValue();
        String json = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":413,"
                + "\"reason\":\"RequestEntityTooLarge\",\"message\":\"the body is larger than the limit of " + max
                + " bytes (idms.max-body-size); an AdmissionReview of a mirror set is a few KiB\"}";
        // Before the body handlers, which would start buffering.
        filters.register(rc -> check(rc, max, json), 10_000);
    }

    private static void check(RoutingContext rc, long max, String json) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= max) {
            rc.next();
            return;
        }
        HttpServerRequest request = rc.request();
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (declared > max * DRAIN_FACTOR) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close").end(json);
            return;
        }
        // Answer at once, then read the declared body and drop it: the client reads the answer
        // whenever it looks, and the connection stays usable for the next review.
        rc.response().end(json);
        request.handler(chunk -> { });
        request.exceptionHandler(e -> rc.response().close());
        request.resume();
    }
}
