package io.idmswebhook.admission;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /validate} and {@code POST /mutate}, called by the API server for every write of a
 * mirror set, as plain Vert.x routes on the event loop: the body is read in full first and
 * everything after that is in-memory work of microseconds, so a worker-thread hop would only add
 * latency to every write in the cluster.
 *
 * <p>Why routes and not a JAX-RS resource: two fixed POST endpoints need no content negotiation,
 * and RESTEasy Reactive's per-request handler chain (media-type matching, message body readers and
 * writers, request context, two copies of the body) was a large share of a typical review's CPU and
 * of its allocations (bench/README.md).
 *
 * <p>Refusals come before the body is buffered, each as JSON in the shape of a 400 and counted as
 * an error: another method (405), another Content-Type (415), a body declared larger than
 * {@code quarkus.http.limits.max-body-size} (413). A body without a declared length is counted as it
 * arrives and refused with 413 when it passes the limit.
 */
@ApplicationScoped
public class AdmissionRoutes {

    /** The paths the webhook configurations in deploy/ call. */
    public static final String VALIDATE_PATH = "/validate";
    public static final String MUTATE_PATH = "/mutate";

    static final String JSON = "application/json";
    static final String WRONG_TYPE =
            "the body must be sent as Content-Type: application/json (an admission.k8s.io/v1 AdmissionReview)";

    /**
     * A declared body over the limit, up to this many times the limit, is read and dropped after
     * the 413 so the client, still sending, reads the answer and keeps its connection; a larger one
     * gets the answer and a closed connection.
     */
    static final int DRAIN_FACTOR = 4;

    @Inject
    ReviewPipeline pipeline;

    @Inject
    ValidatingWebhook validating;

    @Inject
    MutatingWebhook mutating;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    /**
     * A declared length over the limit is answered here, before Quarkus' own limit check, which
     * answers an empty 413 and closes the connection while the client is still sending (the client
     * then usually sees a reset instead of the answer).
     */
    void screenLength(@Observes Filters filters) {
        long max = maxBodySize.asLongValue();
        filters.register(rc -> {
            // The raw path: normalising it for every request is not worth it for a check the API
            // server, which calls the configured path exactly, never needs on another spelling.
            Webhook webhook = webhookOf(rc.request().path());
            long declared = declaredLength(rc.request().getHeader(HttpHeaders.CONTENT_LENGTH));
            if (webhook == null || declared <= max) {
                rc.next();
                return;
            }
            HttpReply refusal = pipeline.refuse(webhook, 413, "RequestEntityTooLarge", tooLarge(max));
            if (declared > max * DRAIN_FACTOR) {
                rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(rc, refusal);
                return;
            }
            // Answer at once, then read the declared body and drop it: the client reads the answer
            // whenever it looks, and the connection stays usable for the next review.
            send(rc, refusal);
            HttpServerRequest request = rc.request();
            request.handler(chunk -> { });
            request.exceptionHandler(e -> rc.response().close());
            request.resume();
        }, 10_000);
    }

    void register(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        route(router, VALIDATE_PATH, validating, max);
        route(router, MUTATE_PATH, mutating, max);
    }

    private void route(Router router, String path, AdmissionWebhook admission, long max) {
        Webhook webhook = admission.webhook();
        String tooLarge = tooLarge(max);
        // Two routes on the path, in this order: Vert.x wants a body handler first on its route.
        router.route(path).handler(rc -> screen(rc, webhook));
        router.route(path)
                .handler(BodyHandler.create(false).setBodyLimit(max))
                .handler(rc -> {
                    RequestBody body = rc.body();
                    Buffer bytes = body == null ? null : body.buffer();
                    send(rc, pipeline.answer(admission, bytes == null ? new byte[0] : bytes.getBytes()));
                })
                .failureHandler(rc -> {
                    // The body handler fails with 413 when a body without a declared length passes the limit.
                    if (rc.statusCode() == 413) {
                        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                        send(rc, pipeline.refuse(webhook, 413, "RequestEntityTooLarge", tooLarge));
                    } else {
                        rc.next();
                    }
                });
    }

    private void screen(RoutingContext rc, Webhook webhook) {
        HttpServerRequest request = rc.request();
        if (request.method() != HttpMethod.POST) {
            rc.response().putHeader(HttpHeaders.ALLOW, "POST");
            send(rc, pipeline.refuse(webhook, 405, "MethodNotAllowed",
                    request.method().name() + " is not served here; the API server POSTs an AdmissionReview to " + rc.normalizedPath()));
            return;
        }
        if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            send(rc, pipeline.refuse(webhook, 415, "UnsupportedMediaType", WRONG_TYPE));
            return;
        }
        rc.next();
    }

    private static Webhook webhookOf(String path) {
        if (VALIDATE_PATH.equals(path)) {
            return Webhook.VALIDATE;
        }
        return MUTATE_PATH.equals(path) ? Webhook.MUTATE : null;
    }

    private static String tooLarge(long max) {
        return "the body is larger than the limit of " + max
                + " bytes (idms.max-body-size); an AdmissionReview of a mirror set is a few KiB";
    }

    /** {@code application/json}, with or without parameters such as {@code charset=utf-8}. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase(JSON);
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(RoutingContext rc, HttpReply answer) {
        rc.response().setStatusCode(answer.httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Buffer.buffer(answer.body()));
    }
}
