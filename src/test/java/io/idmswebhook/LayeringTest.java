package io.idmswebhook;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.idmswebhook.admission.ReviewObserver;
import io.idmswebhook.admission.ReviewOutcome;
import io.idmswebhook.admission.Webhook;
import io.idmswebhook.cluster.ClusterAuditor;
import io.idmswebhook.cluster.ClusterCacheStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering of the service, checked on the compiled classes of {@code src/main}:
 *
 * <ul>
 *   <li>the core ({@code core/**}) uses nothing but {@code java.*}: no Jackson, Quarkus or fabric8,
 *       so the rules run the same in the webhook, the CLI and a test;</li>
 *   <li>no two packages depend on each other, directly or round about;</li>
 *   <li>the adapters ({@code admission}, {@code cluster}, {@code cli}, {@code ops}) do not use one
 *       another except through the seams named in {@link #SEAMS}; what they share that is not an
 *       adapter lives in {@code json} (the JSON-tree translator, the preview) or in the core
 *       ({@code core/view/ClusterView} is the seam between the admission path and {@code cluster},
 *       joined by CDI);</li>
 *   <li>nothing outside {@code cli} uses it: the service never starts the command line.</li>
 * </ul>
 */
class LayeringTest {

    private static final String ROOT = "io.idmswebhook";
    private static final List<String> ADAPTERS = List.of("admission", "cluster", "cli", "ops");

    /**
     * The only classes of one adapter another may use, and why:
     * <ul>
     *   <li>{@code ops} hears of every answered review through the admission path's observer
     *       interface (metrics, the decision log), which hands it a {@link ReviewOutcome} labelled
     *       by {@link Webhook};</li>
     *   <li>{@code ops} reads the informer cache's age for its metric through
     *       {@link ClusterCacheStats}, which {@code cluster} implements;</li>
     *   <li>{@code ops} serves and counts the audit of the cached objects ({@code GET /audit}, its
     *       metrics) from {@link ClusterAuditor}'s {@link ClusterAuditor.Report}: the audit runs
     *       where the cache is, the management port only publishes it.</li>
     * </ul>
     */
    static final Map<String, Set<Class<?>>> SEAMS = Map.of(
            "admission", Set.of(ReviewObserver.class, ReviewOutcome.class, ReviewOutcome.Result.class, Webhook.class),
            "cluster", Set.of(ClusterCacheStats.class, ClusterAuditor.class, ClusterAuditor.Report.class));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void theMainClassesAreImported() {
        // Guards the other rules against passing on an empty import (a moved output directory).
        if (MAIN.stream().noneMatch(c -> c.getPackageName().startsWith(ROOT + ".core."))
                || MAIN.stream().noneMatch(c -> c.getPackageName().equals(ROOT + ".admission"))) {
            throw new AssertionError("no core or admission classes imported from " + ROOT + ": " + MAIN.size() + " classes");
        }
    }

    @Test
    void theCoreUsesOnlyJava() {
        classes().that().resideInAPackage(ROOT + ".core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".core..")
                .because("the core is plain Java: the rules must not change with a framework")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admission", "cluster", "cli", "ops"})
    void anAdapterUsesAnotherOnlyThroughItsSeams(String adapter) {
        for (String other : ADAPTERS) {
            if (other.equals(adapter)) {
                continue;
            }
            Set<Class<?>> seam = SEAMS.getOrDefault(other, Set.of());
            noClasses().that().resideInAPackage(ROOT + "." + adapter + "..")
                    .should().dependOnClassesThat(resideInAPackage(ROOT + "." + other + "..").and(outside(seam)))
                    .because(other + " is another adapter; go through a seam named in LayeringTest.SEAMS")
                    .check(MAIN);
        }
    }

    @Test
    void sharedCodeUsesNoAdapter() {
        noClasses().that().resideInAnyPackage(ROOT + ".json..", ROOT + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ADAPTERS.stream().map(a -> ROOT + "." + a + "..").toArray(String[]::new))
                .check(MAIN);
    }

    @Test
    void nothingOutsideTheCommandLineUsesIt() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..")
                .because("the service never runs the command line; the CLI is a client of the core")
                .check(MAIN);
    }

    /** Classes other than the seam's, arrays of them included (an array of a seam type is the seam). */
    private static DescribedPredicate<JavaClass> outside(Set<Class<?>> seam) {
        return DescribedPredicate.describe("not in the seam " + seam,
                c -> seam.stream().noneMatch(s -> c.getBaseComponentType().isEquivalentTo(s)));
    }

    /** Only for the seam list's own consistency: every class named there is in its adapter. */
    @Test
    void everySeamIsInTheAdapterItIsListedFor() {
        SEAMS.forEach((adapter, classes) -> {
            for (Class<?> c : classes) {
                JavaClass imported = MAIN.get(c);
                if (!imported.getPackageName().equals(ROOT + "." + adapter)) {
                    throw new AssertionError(c + " is listed as a seam of " + adapter);
                }
            }
        });
    }

    /** The README draws the layering for people: every seam is named there, with its reason. */
    @Test
    void theReadmeNamesEverySeam() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("README.md"));
        int start = readme.indexOf("\n### The layering test\n");
        if (start < 0) {
            throw new AssertionError("README.md has no section ### The layering test");
        }
        int end = readme.indexOf("\n#", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        SEAMS.forEach((adapter, classes) -> {
            for (Class<?> c : classes) {
                if (!section.contains("`" + c.getSimpleName() + "`")
                        && !section.contains("`" + adapter + "/" + c.getSimpleName() + "`")) {
                    String name = c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
                    throw new AssertionError("README.md, ### The layering test, does not name the seam " + adapter
                            + "/" + name + "; say there why " + adapter + " offers it");
                }
            }
        });
    }
}
