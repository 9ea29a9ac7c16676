import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's CPU per review goes, by stage of a review, for bench/run.sh --profile.
 *
 * <pre>java bench/CpuStages.java RECORDING.jfr THREADS-FILE CPU-US-PER-REVIEW</pre>
 *
 * The recording holds JFR's CPU-time samples (jdk.CPUTimeSample, JDK 25 on Linux): one sample per
 * fixed amount of CPU a thread burns, native code included (BoringSSL, the socket calls), so the
 * share of a thread's samples is the share of its CPU. Those samples only exist for Java threads;
 * the collector's and the compilers' CPU comes from the thread file (run.sh's per-thread split of
 * /proc: name, seconds, share). The event loops' share is split by the stage their samples were
 * in; the other threads keep their own rows. Prints "stage TAB µs per review TAB share %".
 */
public final class CpuStages {

    static final String TLS = "TLS (BoringSSL, Netty's SslHandler)";
    static final String SOCKET = "socket calls (the kernel's TCP on loopback, epoll)";
    static final String HTTP = "HTTP and the event loop (Vert.x, Netty)";
    static final String READ = "reading the review (JSON to the model)";
    static final String RULES = "rules (MirrorSetValidator: location, syntax, merge, policies)";
    static final String NODES = "node impact (registries.conf before and after, NodeImpact)";
    static final String ANSWER = "writing the answer (AnswerWriter)";
    static final String LOG = "decision log (line on the event loop, writer thread)";
    static final String METRICS = "metrics (ReviewMetrics, Micrometer)";
    static final String ADAPTER = "admission adapter, other (routes, screening, pipeline)";
    static final String UNWALKED = "event loop, stack not walkable";
    static final String GC = "collector (VM Thread, GC threads, GC notifications)";
    static final String JIT = "JIT compilers";
    static final String OTHER = "other threads";

    /** The deepest of these classes on a stack names the stage; order does not matter. */
    static final Map<String, String> STAGE_CLASSES = Map.of(
            "io.idmswebhook.admission.ReviewReader", READ,
            "io.idmswebhook.core.engine.MirrorSetValidator", RULES,
            "io.idmswebhook.core.nodes.NodeImpact", NODES,
            "io.idmswebhook.admission.AnswerWriter", ANSWER,
            "io.idmswebhook.ops.DecisionLog", LOG,
            "io.idmswebhook.ops.ReviewMetrics", METRICS);

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java CpuStages.java RECORDING.jfr THREADS-FILE CPU-US-PER-REVIEW");
            System.exit(2);
        }
        double usPerReview = Double.parseDouble(args[2]);
        Map<String, Double> threadShare = threadShares(Path.of(args[1]));
        Map<String, Long> loopSamples = eventLoopSamples(Path.of(args[0]));
        long loopTotal = loopSamples.values().stream().mapToLong(Long::longValue).sum();
        if (loopTotal == 0) {
            System.err.println("CpuStages: no CPU-time samples of the event loops in " + args[0]
                    + " (the recording needs jdk.CPUTimeSample, JDK 25 on Linux)");
            System.exit(1);
        }

        Map<String, Double> share = new LinkedHashMap<>();
        double loops = threadShare.getOrDefault("loops", 0.0);
        for (String stage : List.of(SOCKET, TLS, HTTP, READ, RULES, NODES, ANSWER, LOG, METRICS, ADAPTER, UNWALKED)) {
            share.put(stage, loops * loopSamples.getOrDefault(stage, 0L) / loopTotal);
        }
        share.merge(LOG, threadShare.getOrDefault(LOG, 0.0), Double::sum);
        share.put(GC, threadShare.getOrDefault(GC, 0.0));
        share.put(JIT, threadShare.getOrDefault(JIT, 0.0));
        share.put(OTHER, threadShare.getOrDefault(OTHER, 0.0));
        share.forEach((stage, s) -> System.out.printf(Locale.ROOT, "%s\t%.1f\t%.1f%n",
                stage, usPerReview * s, 100 * s));
        System.out.printf(Locale.ROOT, "event-loop samples\t%d\t%n", loopTotal);
    }

    /** The thread file's shares (0..1) folded into: event loops, decision log, collector, JIT, other. */
    static Map<String, Double> threadShares(Path file) throws IOException {
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.length() < 17) continue;
            // run.sh writes "%-16s %8.2f s %5.1f%%": the name in the first 16 columns, then seconds.
            String name = line.substring(0, 16).trim();
            String[] rest = line.substring(16).trim().split("\\s+");
            double seconds = Double.parseDouble(rest[0]);
            total += seconds;
            shares.merge(kind(name), seconds, Double::sum);
        }
        double sum = total;
        shares.replaceAll((k, v) -> sum > 0 ? v / sum : 0);
        return shares;
    }

    /** Thread names as /proc gives them (15 characters, digits folded to N by run.sh). */
    static String kind(String name) {
        if (name.startsWith("vert.x-eventloo")) return "loops";
        if (name.startsWith("idms-decision")) return LOG;
        if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("Notification Th")) return GC;
        if (name.contains("CompilerThre")) return JIT;
        return OTHER;
    }

    static Map<String, Long> eventLoopSamples(Path recording) throws IOException {
        Map<String, Long> samples = new LinkedHashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.CPUTimeSample")) continue;
                if (event.getThread() == null || event.getThread().getJavaName() == null
                        || !event.getThread().getJavaName().startsWith("vert.x-eventloop")) continue;
                samples.merge(stage(event), 1L, Long::sum);
            }
        }
        return samples;
    }

    /**
     * Leaf first: a socket, TLS or HTTP frame before any of the service's frames means that work
     * work (a write the service asked for included); the service's first frame means one of its
     * stages, named by the deepest stage class on the stack.
     */
    static String stage(RecordedEvent event) {
        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) return UNWALKED;
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        for (int i = 0; i < frames.size(); i++) {
            String type = frames.get(i).getMethod().getType().getName();
            // The JDK's socket channel and selector: a write there is the kernel delivering the
            // answer to the client's socket, the same cost any server on this machine pays.
            if (type.startsWith("sun.nio.ch.") || type.startsWith("io.netty.channel.epoll.")
                    || type.startsWith("io.netty.channel.unix.")) return SOCKET;
            if (type.startsWith("io.netty.handler.ssl.") || type.startsWith("io.netty.internal.tcnative.")
                    || type.startsWith("sun.security.ssl.")) return TLS;
            if (type.startsWith("io.vertx.") || type.startsWith("io.netty.")) return HTTP;
            if (type.startsWith("io.idmswebhook.")) {
                for (int j = i; j < frames.size(); j++) {
                    String stage = STAGE_CLASSES.get(frames.get(j).getMethod().getType().getName());
                    if (stage != null) return stage;
                }
                return ADAPTER;
            }
        }
        return HTTP;
    }
}
