package io.idmswebhook.bench;

import io.idmswebhook.core.location.LocationParser;
import io.idmswebhook.core.location.LocationRole;
import io.idmswebhook.core.location.ParsedLocation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of parsing one location, for a typical value and for 255-character values (the longest a
 * location may be, rule S3) built to make a parser do the most work: everything valid until the
 * last character, as many components, labels or separators as fit. The target is under 10 µs
 * for the worst of them (issue 3, item 9).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LocationParserBench {

    static final int MAX = 255;

    /**
     * typical: a common source. bang: one long component ending in "!" (the input that makes the CRD
     * pattern backtrack for a minute in java.util.regex). components: 124 one-letter components.
     * separators: components full of every separator kind. separatorsBad: the same ending in "___".
     * labels: a host of 128 one-letter labels. wildcard: "*." and 127 labels.
     */
    @Param({"typical", "bang", "components", "separators", "separatorsBad", "labels", "wildcard"})
    public String shape;

    @Param({"SOURCE", "MIRROR"})
    public LocationRole role;

    private String value;

    @Setup
    public void setUp() {
        value = shape(shape);
    }

    static String shape(String name) {
        String s = switch (name) {
            case "typical" -> "quay.io/openshift-release-dev/ocp-release";
            case "bang" -> fill("quay.io/", "a", "!");
            case "components" -> fill("quay.io", "/a", "");
            case "separators" -> fill("quay.io", "/a.b_c__d-e--f---g", "");
            case "separatorsBad" -> fill("quay.io", "/a.b_c__d-e--f---g", "___");
            case "labels" -> fill("", "a.", "a");
            case "wildcard" -> fill("*.", "a.", "a");
            default -> throw new IllegalArgumentException("unknown shape " + name);
        };
        if (!name.equals("typical") && s.length() != MAX) {
            throw new IllegalStateException(name + " is " + s.length() + " characters, not " + MAX);
        }
        return s;
    }

    /** prefix, as many units as fit, padding "a" up to 255 characters with the ending, then the ending. */
    private static String fill(String prefix, String unit, String end) {
        StringBuilder sb = new StringBuilder(MAX).append(prefix);
        while (sb.length() + unit.length() + end.length() <= MAX) {
            sb.append(unit);
        }
        while (sb.length() + end.length() < MAX) {
            sb.append('a');
        }
        return sb.append(end).toString();
    }

    @Benchmark
    public ParsedLocation parse() {
        return LocationParser.parse(value, role);
    }
}
