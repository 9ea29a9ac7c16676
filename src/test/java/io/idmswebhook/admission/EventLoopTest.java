package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.Golden;
import io.idmswebhook.Https;
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
 * /validate must run on the event loop: the pipeline the route calls is replaced by one that
 * records, for each call, whether it ran on a Vert.x event-loop thread. Were the endpoint moved
 * to a worker thread (a blocking handler), the recorded value would be false.
 */
@QuarkusTest
class EventLoopTest {

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    static final class RecordingPipeline extends ReviewPipeline {
        final List<String> calls = new CopyOnWriteArrayList<>();

        RecordingPipeline(ObjectMapper mapper) {
            super(new ReviewReader(mapper), new AnswerWriter(mapper.getFactory()), ReviewObserver.NONE);
        }

        @Override
        public HttpReply answer(AdmissionWebhook webhook, byte[] body) {
            calls.add((Context.isOnEventLoopThread() ? "event-loop " : "other ") + Thread.currentThread().getName());
            return super.answer(webhook, body);
        }
    }

    @Test
    void validateRunsOnTheEventLoop() {
        RecordingPipeline recording = new RecordingPipeline(AdmissionJson.newMapper());
        QuarkusMock.installMockForType(recording, ReviewPipeline.class);
        byte[] review = Golden.file(Path.of("src", "test", "resources", "golden", "idms-allowed.request.json"));
        for (int i = 0; i < 3; i++) {
            Https.to(webhook).contentType("application/json").body(review).post("/validate").then().statusCode(200);
        }
        assertEquals(3, recording.calls.size(), "the endpoint did not call the installed pipeline: " + recording.calls);
        for (String call : recording.calls) {
            assertTrue(call.startsWith("event-loop "), "validate ran off the event loop: " + call);
        }
    }
}
