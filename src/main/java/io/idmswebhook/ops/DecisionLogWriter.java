package io.idmswebhook.ops;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes the decision log's lines to stdout in batches, from its own thread.
 *
 * <p>Why not the console log handler: a record through it (structured formatting, an MDC copy, a
 * thread hand-off and a write system call per line) cost a large share of a typical review's CPU
 * (bench/README.md). Here the event loop only appends a finished line to
 * a list under a short lock; this thread takes the list every {@code idms.decision-log.flush-period}
 * and writes it with a few system calls. The lines are still whole lines on the same stdout as the
 * rest of the log, each written by one call, so the collector reads them alike.
 *
 * <p>It never makes the event loop wait: when stdout does not keep up (a stalled collector, a full
 * pipe), lines beyond {@code idms.decision-log.max-pending} are dropped and counted
 * ({@code idms_webhook_decision_log_dropped_total}), and one warning per minute says so. The API
 * server's audit annotations stay the record that cannot be dropped. At shutdown, after the last
 * answer, the pending lines are written.
 */
@ApplicationScoped
public class DecisionLogWriter {

    private static final Logger LOG = Logger.getLogger(DecisionLogWriter.class);

    /**
     * Lines larger than a pipe's atomic write (PIPE_BUF, 4096 bytes on Linux) could interleave with
     * the other log lines written to the same pipe; batches are cut at line ends below it.
     */
    static final int WRITE_CHUNK = 4096;

    private final OutputStream out;
    private final Duration flushPeriod;
    private final int maxPending;
    private final Object lock = new Object();
    private List<String> pending = new ArrayList<>();
    private int pendingChars;
    private final AtomicLong dropped = new AtomicLong();
    private long droppedReported;
    private long lastDropWarning;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public DecisionLogWriter(@ConfigProperty(name = "idms.decision-log.flush-period", defaultValue = "20ms") Duration flushPeriod,
                             @ConfigProperty(name = "idms.decision-log.max-pending", defaultValue = "4194304") int maxPending) {
        this(new FileOutputStream(FileDescriptor.out), flushPeriod, maxPending);
    }

    DecisionLogWriter(OutputStream out, Duration flushPeriod, int maxPending) {
        this.out = out;
        this.flushPeriod = flushPeriod;
        this.maxPending = maxPending;
    }

    void start(@Observes StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "idms-decision-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** After every other shutdown observer, so the last answers of a graceful drain are written. */
    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        stop();
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        flush();
    }

    /**
     * Queues one line (without its line end). Called on the event loop: it takes a short lock and
     * never blocks on output.
     */
    public void append(String line) {
        synchronized (lock) {
            if (pendingChars + line.length() > maxPending) {
                dropped.incrementAndGet();
                return;
            }
            pending.add(line);
            pendingChars += line.length() + 1;
        }
    }

    /** Lines dropped because stdout did not keep up, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is pending now. On this writer's thread, and at shutdown; tests call it to read a line at once. */
    public void flush() {
        List<String> batch;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new ArrayList<>(Math.max(16, batch.size()));
            pendingChars = 0;
        }
        synchronized (out) {
            try {
                write(batch);
            } catch (IOException e) {
                dropped.addAndGet(batch.size());
            }
        }
    }

    private void write(List<String> batch) throws IOException {
        byte[] chunk = new byte[WRITE_CHUNK];
        int used = 0;
        for (String line : batch) {
            byte[] bytes = (line + '\n').getBytes(StandardCharsets.UTF_8);
            if (used > 0 && used + bytes.length > WRITE_CHUNK) {
                out.write(chunk, 0, used);
                used = 0;
            }
            if (bytes.length > WRITE_CHUNK) {
                out.write(bytes);
            } else {
                System.arraycopy(bytes, 0, chunk, used, bytes.length);
                used += bytes.length;
            }
        }
        if (used > 0) {
            out.write(chunk, 0, used);
        }
        out.flush();
    }

    private void run() {
        long periodNanos = flushPeriod.toNanos();
        lastDropWarning = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);
        while (running) {
            LockSupport.parkNanos(this, periodNanos);
            flush();
            reportDrops();
        }
    }

    private void reportDrops() {
        long now = System.nanoTime();
        long total = dropped.get();
        if (total > droppedReported && now - lastDropWarning > TimeUnit.MINUTES.toNanos(1)) {
            LOG.warnf("dropped %d decision log lines because stdout did not keep up (%d since start); "
                    + "the answers were sent and counted, see idms_webhook_decision_log_dropped_total", total - droppedReported, total);
            droppedReported = total;
            lastDropWarning = now;
        }
    }
}
