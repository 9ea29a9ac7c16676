package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.Golden;
import io.idmswebhook.Https;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * /validate must run on the event loop: the handler the route calls is replaced by one that
 * records, for each call, whether it ran on a Vert.x event-loop thread. Were the endpoint moved
 * to a worker thread (a blocking handler), the recorded value would be false.
 */
@QuarkusTest
class EventLoopTest {

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    static final class RecordingHandler extends AdmissionHandler {
        final List<String> calls = new CopyOnWriteArrayList<>();

        RecordingHandler() {
            super(AdmissionJson.newMapper(), new MirrorSetValidator()::validate, ClusterView.OFF);
        }

        @Override
        public AdmissionAnswer validate(byte[] body) {
            calls.add((Context.isOnEventLoopThread() ? "event-loop " : "other ") + Thread.currentThread().getName());
            return super.validate(body);
        }
    }

    @Test
    void validateRunsOnTheEventLoop() {
        RecordingHandler recording = new RecordingHandler();
        QuarkusMock.installMockForType(recording, AdmissionHandler.class);
        byte[] review = Golden.file(Path.of("src", "test", "resources", "golden", "idms-allowed.request.json"));
        for (int i = 0; i < 3; i++) {
            Https.to(webhook).contentType("application/json").body(review).post("/validate").then().statusCode(200);
        }
        assertEquals(3, recording.calls.size(), "the endpoint did not call the installed handler: " + recording.calls);
        for (String call : recording.calls) {
            assertTrue(call.startsWith("event-loop "), "validate ran off the event loop: " + call);
        }
    }
}
