package io.idmswebhook.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keeps the promise of {@link RuleId#decidedBy()}: the class it names exists and is where the rule
 * is decided, so an id in a message leads to its code in one step.
 */
class RuleIndexTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @ParameterizedTest
    @EnumSource(RuleId.class)
    void decidedByNamesTheClassThatDecides(RuleId rule) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(SOURCES)) {
            files = all.filter(p -> p.getFileName().toString().equals(rule.decidedBy() + ".java")).toList();
        }
        assertEquals(1, files.size(), rule + " names " + rule.decidedBy() + ", found " + files);
        String source = Files.readString(files.get(0));
        // X4 findings are built by the ShapeException that MirrorSetTranslator throws where it decides
        String marker = rule == RuleId.X4 ? "new ShapeException(" : "RuleId." + rule.name();
        assertTrue(source.contains(marker), rule.decidedBy() + " does not decide " + rule);
    }
}
