package io.idmswebhook.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.idmswebhook.ops.Scrape;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerts of deploy/components/monitoring read the service's own series: each idms_webhook_*
 * selector in an expression must name a series that a freshly started service publishes, with
 * the label values the selector asks for. A renamed metric or label value would otherwise leave
 * an alert that never fires, which nothing else would notice.
 */
@QuarkusTest
class MonitoringRulesTest {

    private static final Path RULES = Paths.get(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("deploy/components/monitoring/prometheusrule.yaml");
    private static final Pattern SELECTOR = Pattern.compile("\\b(idms_webhook_[a-z_]+)(?:\\{([^}]*)})?");
    private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void everySelectorOfTheAlertsMatchesASeriesPublishedAtStart() throws Exception {
        JsonNode rule = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        Scrape scrape = Scrape.of(metrics);
        int selectors = 0;
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                Matcher selector = SELECTOR.matcher(alert.path("expr").asText());
                while (selector.find()) {
                    selectors++;
                    String name = selector.group(1);
                    Map<String, String> wanted = new LinkedHashMap<>();
                    if (selector.group(2) != null) {
                        Matcher label = EQUALS.matcher(selector.group(2));
                        while (label.find()) {
                            wanted.put(label.group(1), label.group(2));
                        }
                    }
                    String where = alert.path("alert").asText() + ": " + selector.group();
                    assertFalse(scrape.named(name).isEmpty(), where + ": the service publishes no series " + name);
                    assertTrue(scrape.named(name).stream()
                                    .anyMatch(s -> s.labels().entrySet().containsAll(wanted.entrySet())),
                            where + ": no series " + name + " has the labels " + wanted + "; it has "
                                    + scrape.named(name).stream().map(Scrape.Series::labels).toList());
                }
            }
        }
        assertTrue(selectors >= 6, "found only " + selectors + " idms_webhook_* selectors in " + RULES);
    }
}
