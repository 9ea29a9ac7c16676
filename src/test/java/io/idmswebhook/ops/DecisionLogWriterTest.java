package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecisionLogWriterTest {

    /** Keeps every write call apart, to see how lines were cut into system calls. */
    static class Writes extends OutputStream {
        final List<String> calls = new ArrayList<>();
        final ByteArrayOutputStream all = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            calls.add(new String(b, off, len, StandardCharsets.UTF_8));
            all.write(b, off, len);
        }
    }

    @Test
    void aBatchIsWrittenInWholeLinesOfAtMostAPipeBuffer() {
        Writes out = new Writes();
        DecisionLogWriter writer = new DecisionLogWriter(out, Duration.ofHours(1), 1 << 20);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String line = "line " + i + " " + "x".repeat(90) + " é";
            lines.add(line);
            writer.append(line);
        }
        writer.flush();
        assertEquals(String.join("\n", lines) + "\n", out.all.toString(StandardCharsets.UTF_8));
        assertTrue(out.calls.size() >= 3 && out.calls.size() < 100, "write calls: " + out.calls.size());
        for (String call : out.calls) {
            assertTrue(call.getBytes(StandardCharsets.UTF_8).length <= DecisionLogWriter.WRITE_CHUNK, call);
            assertTrue(call.endsWith("\n"), call);
        }
    }

    @Test
    void whenOutputDoesNotKeepUpLinesAreDroppedAndCountedNeverQueuedWithoutBound() {
        Writes out = new Writes();
        DecisionLogWriter writer = new DecisionLogWriter(out, Duration.ofHours(1), 1000);
        for (int i = 0; i < 50; i++) {
            writer.append("y".repeat(99));
        }
        assertEquals(40, writer.dropped());
        writer.flush();
        assertEquals(10, out.all.toString(StandardCharsets.UTF_8).split("\n").length);
        writer.append("after the flush there is room again");
        writer.flush();
        assertTrue(out.all.toString(StandardCharsets.UTF_8).endsWith("after the flush there is room again\n"));
    }

    @Test
    void theThreadWritesWithoutBeingAskedAndStopWritesTheRest() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        Writes out = new Writes() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                written.countDown();
            }
        };
        DecisionLogWriter writer = new DecisionLogWriter(out, Duration.ofMillis(5), 1 << 20);
        writer.start();
        writer.append("first");
        assertTrue(written.await(30, TimeUnit.SECONDS), "the writer thread never wrote");
        writer.stop();
        writer.append("last");
        writer.stop();
        assertEquals("first\nlast\n", out.all.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingStdoutCountsTheBatchAsDropped() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("broken pipe");
            }
        };
        DecisionLogWriter writer = new DecisionLogWriter(broken, Duration.ofHours(1), 1 << 20);
        writer.append("a");
        writer.append("b");
        writer.flush();
        assertEquals(2, writer.dropped());
    }
}
