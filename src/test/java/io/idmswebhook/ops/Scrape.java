package io.idmswebhook.ops;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /q/metrics, read back as series: name, labels, value. */
public final class Scrape {

    public record Series(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Series> series;
    private final String text;

    private Scrape(String text) {
        this.text = text;
        this.series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name;
            Map<String, String> labels = new TreeMap<>();
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            } else {
                name = line.substring(0, space);
            }
            series.add(new Series(name, labels, Double.parseDouble(line.substring(space + 1))));
        }
    }

    public static Scrape of(URL metrics) {
        return new Scrape(given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    /** The value of the one series with this name and exactly these labels; fails when absent. */
    public double value(String name, Map<String, String> labels) {
        for (Series s : series) {
            if (s.name().equals(name) && s.labels().equals(new TreeMap<>(labels))) {
                return s.value();
            }
        }
        throw new AssertionError("no series " + name + labels + " in the scrape:\n" + excerpt(name));
    }

    /** The value, or 0 when the series does not exist yet (a counter not yet used). */
    public double valueOrZero(String name, Map<String, String> labels) {
        for (Series s : series) {
            if (s.name().equals(name) && s.labels().equals(new TreeMap<>(labels))) {
                return s.value();
            }
        }
        return 0;
    }

    public List<Series> named(String name) {
        return series.stream().filter(s -> s.name().equals(name)).toList();
    }

    private String excerpt(String name) {
        StringBuilder sb = new StringBuilder();
        String prefix = name.length() > 20 ? name.substring(0, 20) : name;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix) || line.startsWith("# TYPE " + prefix)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
