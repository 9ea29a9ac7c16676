package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.CreateOptions;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.PatchOptions;
import io.fabric8.kubernetes.api.model.UpdateOptions;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.openshift.api.model.config.v1.Image;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSetList;
import io.fabric8.openshift.api.model.config.v1.ImageList;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSetList;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicyList;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the native reflection list complete: a class missing from it breaks only the
 * native executable, and only on the first request that touches it, which no JVM test
 * would notice.
 */
class NativeReflectionTest {

    /**
     * Where Jackson starts, independently of the annotation, so that dropping a root
     * from the annotation fails here too. The lists cover the items (the mirror kinds
     * and Image) because the informer cache reads them; the option kinds and the mirror
     * kinds inside a review are picked by kind at run time, so they are roots as well.
     */
    private static final List<Class<?>> ROOTS = List.of(
            AdmissionReview.class,
            ImageDigestMirrorSetList.class,
            ImageTagMirrorSetList.class,
            ImageContentSourcePolicyList.class,
            ImageList.class,
            Image.class,
            CreateOptions.class,
            UpdateOptions.class,
            PatchOptions.class,
            DeleteOptions.class,
            WatchEvent.class);

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyModelClassJacksonReachesIsRegistered() {
        Set<Class<?>> registered = registeredTargets();
        Set<Class<?>> reachable = reachableModelClasses();

        Set<String> missing = reachable.stream()
                .filter(c -> !registered.contains(c))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(),
                "NativeReflection @RegisterForReflection(targets) lacks classes that Jackson reaches from "
                        + ROOTS.stream().map(Class::getSimpleName).toList()
                        + "; add them to io.idmswebhook.ops.NativeReflection: " + missing);

        // The reverse keeps the list honest: an entry nothing reaches is either a root
        // missing above or dead weight in the native image.
        Set<String> stale = registered.stream()
                .filter(c -> !reachable.contains(c))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(stale.isEmpty(), "NativeReflection registers classes that no root reaches: " + stale);
    }

    @Test
    void theMirrorKindsInsideAReviewAreRegistered() {
        // request.object is typed as the KubernetesResource interface, so the walk from
        // AdmissionReview cannot reach the mirror kinds; the lists reach them instead.
        Set<String> reachable = reachableModelClasses().stream().map(Class::getSimpleName)
                .collect(Collectors.toSet());
        for (String kind : List.of("ImageDigestMirrorSet", "ImageTagMirrorSet", "ImageContentSourcePolicy",
                "ImageDigestMirrors", "ImageTagMirrors", "RepositoryDigestMirrors", "AdmissionRequest",
                "AdmissionResponse", "Status", "UserInfo", "GroupVersionKind", "GroupVersionResource",
                "RegistrySources", "ObjectMeta")) {
            assertTrue(reachable.contains(kind), "the walk from the roots should reach " + kind);
        }
    }

    @Test
    void targetsAreConcreteModelClassesListedOnce() {
        RegisterForReflection annotation = NativeReflection.class.getAnnotation(RegisterForReflection.class);
        assertNotNull(annotation, "NativeReflection must carry @RegisterForReflection");
        Class<?>[] targets = annotation.targets();
        assertEquals(targets.length, new LinkedHashSet<>(Arrays.asList(targets)).size(),
                "a class is listed twice in NativeReflection targets");
        for (Class<?> target : targets) {
            assertTrue(target.getName().startsWith("io.fabric8."),
                    target.getName() + " is not a fabric8 model class; register our own classes on the class itself");
            assertTrue(!target.isInterface() && !Modifier.isAbstract(target.getModifiers()),
                    target.getName() + " is abstract; Jackson instantiates only concrete classes");
        }
    }

    private static Set<Class<?>> registeredTargets() {
        RegisterForReflection annotation = NativeReflection.class.getAnnotation(RegisterForReflection.class);
        assertNotNull(annotation, "NativeReflection must carry @RegisterForReflection");
        return new LinkedHashSet<>(Arrays.asList(annotation.targets()));
    }

    /** Concrete fabric8 classes reachable through Jackson properties from the roots. */
    private Set<Class<?>> reachableModelClasses() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<JavaType> work = new ArrayDeque<>();
        ROOTS.forEach(root -> work.add(mapper.constructType(root)));
        while (!work.isEmpty()) {
            JavaType type = work.pop();
            if (type.isContainerType()) {
                if (type.getKeyType() != null) {
                    work.add(type.getKeyType());
                }
                work.add(type.getContentType());
                continue;
            }
            for (int i = 0; i < type.getBindings().size(); i++) {
                work.add(type.getBindings().getBoundType(i));
            }
            Class<?> raw = type.getRawClass();
            if (!raw.getName().startsWith("io.fabric8.") || raw.isEnum()) {
                continue;
            }
            // Interfaces (KubernetesResource for request.object) are resolved by kind at
            // run time; the concrete classes behind them are roots above.
            if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()) || !seen.add(raw)) {
                continue;
            }
            for (JavaType property : propertyTypes(type)) {
                work.add(property);
            }
        }
        return seen;
    }

    private List<JavaType> propertyTypes(JavaType type) {
        BeanDescription serialization = mapper.getSerializationConfig().introspect(type);
        BeanDescription deserialization = mapper.getDeserializationConfig().introspect(type);
        return java.util.stream.Stream.concat(
                        serialization.findProperties().stream(), deserialization.findProperties().stream())
                .map(BeanPropertyDefinition::getPrimaryType)
                .toList();
    }
}
