package io.idmswebhook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.idmswebhook.admission.AdmissionRoutes;
import io.idmswebhook.core.model.MirrorSetKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every manifest under deploy/ as data and checks what a cluster would otherwise
 * only reveal at install time or during an outage: that the webhook configurations
 * reach real endpoints on real ports, that RBAC is exactly what the informer cache
 * needs, that the pods pass the restricted Pod Security Standard, and that each overlay
 * is wired to the names the base uses. No kubectl and no cluster needed.
 */
class ManifestInvariantsTest {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path BASE = DEPLOY.resolve("base");
    private static final Path OVERLAYS = DEPLOY.resolve("overlays");
    private static final Path MONITORING = DEPLOY.resolve("components/monitoring");
    private static final Path APPLICATION_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");

    private static final String VALIDATE_PATH = "/validate";
    private static final String MUTATE_PATH = "/mutate";
    private static final Set<String> VERBS = Set.of("get", "list", "watch");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    // ---------------------------------------------------------------- parsing

    @Test
    void everyManifestParsesAndNamesItsObject() throws IOException {
        List<Path> files = yamlFiles(DEPLOY);
        assertFalse(files.isEmpty(), "no YAML under " + DEPLOY);
        for (Path file : files) {
            List<JsonNode> docs = readDocs(file);
            assertFalse(docs.isEmpty(), rel(file) + ": no YAML document");
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (JsonNode doc : docs) {
                if (doc.isArray()) {
                    // A JSON patch (RFC 6902): a list of operations, each with op and path.
                    doc.forEach(op -> assertTrue(op.path("op").isTextual() && op.path("path").isTextual(),
                            rel(file) + ": a JSON patch operation without op or path: " + op));
                    continue;
                }
                assertTrue(doc.path("apiVersion").isTextual(), rel(file) + ": a document without apiVersion");
                assertTrue(doc.path("kind").isTextual(), rel(file) + ": a document without kind");
                assertTrue(doc.path("metadata").path("name").isTextual(),
                        rel(file) + ": " + doc.path("kind").asText() + " without metadata.name");
            }
        }
    }

    // ---------------------------------------------------------------- webhooks

    @Test
    void webhookSettingsAreSafeAndComplete() throws IOException {
        JsonNode service = baseObject("Service");
        for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
            JsonNode config = baseObject(kind);
            JsonNode webhooks = config.path("webhooks");
            assertTrue(webhooks.isArray() && webhooks.size() > 0, kind + ": no webhooks");
            for (JsonNode webhook : webhooks) {
                String where = kind + " webhook " + webhook.path("name").asText();
                assertEquals(List.of("v1"), texts(webhook.path("admissionReviewVersions")),
                        where + ": admissionReviewVersions must be [v1], the only review version served");
                assertEquals("None", webhook.path("sideEffects").asText(),
                        where + ": sideEffects must be None so that server-side dry-run and kubectl diff work");
                assertEquals("Fail", webhook.path("failurePolicy").asText(), where + ": failurePolicy must be Fail");
                assertEquals("Equivalent", webhook.path("matchPolicy").asText(), where + ": matchPolicy");
                int timeout = webhook.path("timeoutSeconds").asInt(-1);
                assertTrue(timeout >= 1 && timeout <= 10,
                        where + ": timeoutSeconds " + webhook.path("timeoutSeconds") + " must be set, 1 to 10");
                if (kind.startsWith("Mutating")) {
                    assertEquals("Never", webhook.path("reinvocationPolicy").asText(), where + ": reinvocationPolicy");
                }

                JsonNode target = webhook.path("clientConfig").path("service");
                assertEquals(service.path("metadata").path("name").asText(), target.path("name").asText(),
                        where + ": clientConfig.service.name must be the Service's name");
                assertEquals(service.path("metadata").path("namespace").asText(), target.path("namespace").asText(),
                        where + ": clientConfig.service.namespace must be the Service's namespace");
                int port = target.path("port").asInt(443);
                assertTrue(servicePort(service, port).isPresent(),
                        where + ": clientConfig.service.port " + port + " is not a port of the Service");

                Set<String> seen = new TreeSet<>();
                for (JsonNode rule : webhook.path("rules")) {
                    // the validating webhook also judges DELETE for its consequences on the nodes
                    Set<String> operations = kind.startsWith("Mutating") ? Set.of("CREATE", "UPDATE")
                            : Set.of("CREATE", "UPDATE", "DELETE");
                    assertEquals(operations, Set.copyOf(texts(rule.path("operations"))),
                            where + ": operations must be exactly " + operations);
                    assertEquals("Cluster", rule.path("scope").asText(), where + ": scope must be Cluster");
                    for (String group : texts(rule.path("apiGroups"))) {
                        for (String version : texts(rule.path("apiVersions"))) {
                            for (String resource : texts(rule.path("resources"))) {
                                assertFalse(resource.contains("/"),
                                        where + ": resource " + resource + " names a subresource; never /status");
                                assertFalse(resource.contains("*") || group.contains("*") || version.contains("*"),
                                        where + ": wildcards would send unrelated objects to the webhook");
                                seen.add(group + "/" + version + "/" + resource);
                            }
                        }
                    }
                }
                Set<String> expected = Stream.of(MirrorSetKind.values())
                        .map(k -> k.group() + "/" + k.version() + "/" + k.resource())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, seen, where + ": rules must match exactly the three mirror kinds");
            }
        }
    }

    @Test
    void webhookPathsAreServedByTheAdmissionEndpoints() throws IOException {
        assertEquals(VALIDATE_PATH, singlePath("ValidatingWebhookConfiguration"));
        assertEquals(MUTATE_PATH, singlePath("MutatingWebhookConfiguration"));

        // The paths the routes register; ValidateEndpointTest and MutateResourceTest post to them.
        assertEquals(VALIDATE_PATH, AdmissionRoutes.VALIDATE_PATH);
        assertEquals(MUTATE_PATH, AdmissionRoutes.MUTATE_PATH);
    }

    // ---------------------------------------------------------------- ports

    @Test
    void portsAgreeWithTheApplicationConfiguration() throws IOException {
        Properties config = applicationProperties();
        int sslPort = intProperty(config, "quarkus.http.ssl-port", 8443);
        int managementPort = intProperty(config, "quarkus.management.port", 9000);
        assertEquals("true", property(config, "quarkus.management.enabled"),
                "application.properties: quarkus.management.enabled must be true, the probes use the management port");
        for (String key : List.of("quarkus.http.non-application-root-path", "quarkus.management.root-path",
                "quarkus.smallrye-health.root-path")) {
            assertEquals(null, property(config, key), "application.properties sets " + key
                    + "; the probe paths in deploy/base/deployment.yaml assume /q/health, update them too");
        }

        JsonNode container = webhookContainer();
        Map<String, Integer> ports = new LinkedHashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(sslPort, ports.get("https"),
                "container port 'https' must equal quarkus.http.ssl-port " + sslPort);
        assertEquals(managementPort, ports.get("management"),
                "container port 'management' must equal quarkus.management.port " + managementPort);

        JsonNode service = baseObject("Service");
        JsonNode https = servicePort(service, 443).orElseThrow(() -> new AssertionError("Service has no port 443"));
        assertEquals(sslPort, resolvePort(https.path("targetPort"), ports),
                "Service port 443 must target the webhook port " + sslPort);
        for (JsonNode port : service.path("spec").path("ports")) {
            assertTrue(resolvePort(port.path("targetPort"), ports) > 0,
                    "Service port " + port.path("port") + " targets " + port.path("targetPort")
                            + ", which is no container port");
        }

        Map<String, String> probePaths = Map.of("startupProbe", "/q/health/live", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probePaths.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe + " path");
            assertEquals(managementPort, resolvePort(get.path("port"), ports),
                    probe + " must use the plain-HTTP management port " + managementPort);
        });
    }

    @Test
    void tlsFilesComeFromTheMountedSecret() throws IOException {
        JsonNode container = webhookContainer();
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        String mount = mountPath(container, "tls");
        assertEquals("/etc/webhook/tls", mount, "the TLS Secret mount");
        assertEquals(mount + "/tls.crt", env.get("IDMS_TLS_CERT"));
        assertEquals(mount + "/tls.key", env.get("IDMS_TLS_KEY"));
        assertTrue(env.keySet().stream().noneMatch(k -> k.startsWith("QUARKUS_TLS_KEY_STORE")),
                "the default TLS configuration would also put the management port (probes) on TLS: " + env.keySet());
        assertTrue(Set.of("auto", "on", "off").contains(env.get("IDMS_CLUSTER_CHECKS")),
                "IDMS_CLUSTER_CHECKS must be auto, on or off, was " + env.get("IDMS_CLUSTER_CHECKS"));
    }

    // ---------------------------------------------------------------- RBAC

    @Test
    void clusterRoleIsExactlyReadOnAndOnlyOnTheWatchedResources() throws IOException {
        JsonNode role = baseObject("ClusterRole");
        Set<String> granted = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            assertTrue(rule.path("nonResourceURLs").isMissingNode(), "ClusterRole must not grant nonResourceURLs");
            assertTrue(rule.path("resourceNames").isMissingNode(),
                    "resourceNames would make unscoped informer list/watch calls fail");
            for (String verb : texts(rule.path("verbs"))) {
                assertTrue(VERBS.contains(verb), "ClusterRole grants verb " + verb + "; only get/list/watch");
                for (String group : texts(rule.path("apiGroups"))) {
                    for (String resource : texts(rule.path("resources"))) {
                        granted.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        List<String> watched = new ArrayList<>();
        for (MirrorSetKind kind : MirrorSetKind.values()) {
            watched.add(kind.group() + "/" + kind.resource());
        }
        watched.add("config.openshift.io/images");
        for (String resource : watched) {
            for (String verb : VERBS) {
                expected.add(resource + ":" + verb);
            }
        }
        assertEquals(expected, granted, "ClusterRole must grant exactly get/list/watch on " + watched);

        JsonNode binding = baseObject("ClusterRoleBinding");
        assertEquals("ClusterRole", binding.path("roleRef").path("kind").asText());
        assertEquals(role.path("metadata").path("name").asText(), binding.path("roleRef").path("name").asText(),
                "ClusterRoleBinding must bind the ClusterRole");
        JsonNode deployment = baseObject("Deployment");
        String account = deployment.path("spec").path("template").path("spec").path("serviceAccountName").asText();
        JsonNode subject = binding.path("subjects").path(0);
        assertEquals(1, binding.path("subjects").size(), "exactly one subject");
        assertEquals("ServiceAccount", subject.path("kind").asText());
        assertEquals(account, subject.path("name").asText(), "the binding's subject must be the pods' account");
        assertEquals(deployment.path("metadata").path("namespace").asText(), subject.path("namespace").asText());
        assertEquals(account, baseObject("ServiceAccount").path("metadata").path("name").asText());
    }

    // ---------------------------------------------------------------- pods

    @Test
    void podsMeetTheRestrictedPodSecurityStandard() throws IOException {
        JsonNode pod = baseObject("Deployment").path("spec").path("template").path("spec");
        for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
            assertFalse(pod.path(hostField).asBoolean(false), hostField + " must not be set");
        }
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(false), "pod runAsNonRoot");
        assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText(),
                "pod seccompProfile");
        for (JsonNode volume : pod.path("volumes")) {
            assertTrue(volume.path("hostPath").isMissingNode(), "hostPath volume " + volume.path("name"));
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("containers").forEach(containers::add);
        pod.path("initContainers").forEach(containers::add);
        for (JsonNode container : containers) {
            String where = "container " + container.path("name").asText() + " securityContext.";
            JsonNode security = container.path("securityContext");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), where + "allowPrivilegeEscalation");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(false), where + "readOnlyRootFilesystem");
            assertTrue(security.path("runAsNonRoot").asBoolean(false), where + "runAsNonRoot");
            assertFalse(security.path("privileged").asBoolean(false), where + "privileged");
            assertTrue(security.path("runAsUser").isMissingNode() || security.path("runAsUser").asInt() != 0,
                    where + "runAsUser 0");
            assertEquals(List.of("ALL"), texts(security.path("capabilities").path("drop")), where + "capabilities.drop");
            assertTrue(security.path("capabilities").path("add").isMissingNode(), where + "capabilities.add");
            assertEquals("RuntimeDefault", security.path("seccompProfile").path("type").asText(),
                    where + "seccompProfile");
        }
        JsonNode webhook = webhookContainer();
        String tmp = mountPath(webhook, "tmp");
        assertEquals("/tmp", tmp, "a writable /tmp, since the root filesystem is read-only");
        JsonNode tmpVolume = volume(pod, "tmp");
        assertTrue(tmpVolume.has("emptyDir"), "/tmp must be an emptyDir");

        JsonNode namespace = baseObject("Namespace");
        assertEquals("restricted",
                namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText(),
                "the namespace must enforce the restricted Pod Security Standard");
    }

    @Test
    void deploymentIsHighlyAvailableAndDrainsOnShutdown() throws IOException {
        JsonNode deployment = baseObject("Deployment");
        JsonNode spec = deployment.path("spec");
        JsonNode pod = spec.path("template").path("spec");
        Map<String, String> podLabels = labels(spec.path("template").path("metadata").path("labels"));
        assertTrue(spec.path("replicas").asInt() >= 2, "at least 2 replicas");
        assertEquals(0, spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1),
                "a rollout must not take a serving pod away before its replacement is ready");
        assertTrue(podLabels.entrySet().containsAll(labels(spec.path("selector").path("matchLabels")).entrySet()),
                "the Deployment selector must match its pod labels");

        JsonNode anti = pod.path("affinity").path("podAntiAffinity")
                .path("preferredDuringSchedulingIgnoredDuringExecution").path(0).path("podAffinityTerm");
        assertEquals("kubernetes.io/hostname", anti.path("topologyKey").asText(), "anti-affinity on hostname");
        assertTrue(podLabels.entrySet().containsAll(labels(anti.path("labelSelector").path("matchLabels")).entrySet()),
                "the anti-affinity selector must select the webhook's own pods");

        JsonNode pdb = baseObject("PodDisruptionBudget");
        assertEquals(1, pdb.path("spec").path("minAvailable").asInt(), "PodDisruptionBudget minAvailable");
        assertTrue(podLabels.entrySet().containsAll(labels(pdb.path("spec").path("selector").path("matchLabels"))
                .entrySet()), "the PodDisruptionBudget must select the webhook's pods");
        JsonNode service = baseObject("Service");
        assertTrue(podLabels.entrySet().containsAll(labels(service.path("spec").path("selector")).entrySet()),
                "the Service must select the webhook's pods");

        JsonNode container = webhookContainer();
        List<String> preStop = texts(container.path("lifecycle").path("preStop").path("exec").path("command"));
        assertEquals(2, preStop.size(), "preStop must be [sleep, N], was " + preStop);
        assertEquals("sleep", preStop.get(0));
        int sleep = Integer.parseInt(preStop.get(1));
        String drain = env(container, "QUARKUS_SHUTDOWN_TIMEOUT");
        assertNotNull(drain, "QUARKUS_SHUTDOWN_TIMEOUT must be set, else Quarkus exits without draining requests");
        Matcher seconds = Pattern.compile("(\\d+)s").matcher(drain);
        assertTrue(seconds.matches(), "QUARKUS_SHUTDOWN_TIMEOUT as whole seconds, e.g. 10s; was " + drain);
        int drainSeconds = Integer.parseInt(seconds.group(1));
        int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        assertTrue(sleep >= 1, "the preStop sleep must outlast endpoint propagation");
        assertTrue(grace > sleep + drainSeconds,
                "terminationGracePeriodSeconds " + grace + " must exceed preStop " + sleep + " s + drain "
                        + drainSeconds + " s, else SIGKILL cuts in-flight requests");
        int webhookTimeout = baseObject("ValidatingWebhookConfiguration").path("webhooks").path(0)
                .path("timeoutSeconds").asInt();
        assertTrue(drainSeconds >= webhookTimeout, "the drain must last at least one webhook timeout");

        JsonNode resources = container.path("resources");
        for (String field : List.of("requests.cpu", "requests.memory", "limits.memory")) {
            String[] parts = field.split("\\.");
            assertTrue(resources.path(parts[0]).path(parts[1]).isTextual(), "resources." + field + " must be set");
        }
    }

    @Test
    void podsRunAtTheCriticalPriorityOfAFailClosedWebhook() throws IOException {
        JsonNode pod = baseObject("Deployment").path("spec").path("template").path("spec");
        assertEquals("system-cluster-critical", pod.path("priorityClassName").asText(),
                "a preempted or unscheduled pod blocks every mirror-set write (failurePolicy Fail): "
                        + "priorityClassName must be system-cluster-critical");
    }

    // ---------------------------------------------------------------- network

    @Test
    void networkPolicyOpensTheWebhookPortToAllAndTheManagementPortToMonitoringOnly() throws IOException {
        JsonNode policy = baseObject("NetworkPolicy");
        JsonNode pod = baseObject("Deployment").path("spec").path("template");
        assertTrue(labels(pod.path("metadata").path("labels")).entrySet()
                        .containsAll(labels(policy.path("spec").path("podSelector").path("matchLabels")).entrySet()),
                "the NetworkPolicy must select the webhook's pods");
        assertEquals(List.of("Ingress"), texts(policy.path("spec").path("policyTypes")),
                "only ingress is restricted: the informers must reach the API server, wherever it is");

        Map<String, Integer> ports = new LinkedHashMap<>();
        webhookContainer().path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        Map<Integer, JsonNode> fromByPort = new LinkedHashMap<>();
        for (JsonNode rule : policy.path("spec").path("ingress")) {
            for (JsonNode port : rule.path("ports")) {
                int number = resolvePort(port.path("port"), ports);
                assertTrue(number > 0, "NetworkPolicy port " + port.path("port") + " is no container port");
                assertEquals(null, fromByPort.put(number, rule.path("from")), "port " + number + " in two rules");
            }
            assertFalse(rule.path("ports").isMissingNode(), "an ingress rule without ports opens every port");
        }
        assertEquals(Set.of(ports.get("https"), ports.get("management")), fromByPort.keySet(),
                "the NetworkPolicy must name the webhook and the management port");
        assertTrue(fromByPort.get(ports.get("https")).isMissingNode(),
                "the webhook port must be open to every source: the API server often calls from a node address");
        JsonNode from = fromByPort.get(ports.get("management"));
        assertEquals(1, from.size(), "the management port admits one peer, the monitoring namespace");
        assertTrue(from.path(0).path("podSelector").isMissingNode() && from.path(0).path("ipBlock").isMissingNode(),
                "the management port's peer is a namespace, not pods or addresses");
        assertEquals(Set.of("kubernetes.io/metadata.name"),
                labels(from.path(0).path("namespaceSelector").path("matchLabels")).keySet(),
                "the monitoring namespace is matched by its name label, which the API server sets");
    }

    // ---------------------------------------------------------------- image

    @Test
    void theImageIsNamedOnceWithARegistry() throws IOException {
        JsonNode container = webhookContainer();
        JsonNode images = readDocs(BASE.resolve("kustomization.yaml")).get(0).path("images");
        assertEquals(1, images.size(), "deploy/base/kustomization.yaml: one images entry, the one place to set it");
        JsonNode image = images.path(0);
        assertEquals(container.path("image").asText(), image.path("name").asText(),
                "the images entry must match the container's image name, or kustomize leaves it unchanged");
        String name = image.path("newName").asText();
        String registry = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        assertTrue(registry.contains(".") || registry.contains(":"),
                "newName " + name + " must start with a registry host, else nodes pull from Docker Hub");
        assertTrue(image.path("newTag").isTextual() || image.path("digest").isTextual(), "a tag or a digest");
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                if (!file.getParent().equals(BASE)) {
                    assertTrue(readDocs(file).get(0).path("images").isMissingNode(),
                            rel(file) + " sets images too; the image is named only in deploy/base");
                }
            }
        }
    }

    // ---------------------------------------------------------------- monitoring component

    @Test
    void monitoringComponentScrapesTheManagementPortOfTheService() throws IOException {
        JsonNode k = readDocs(MONITORING.resolve("kustomization.yaml")).get(0);
        assertEquals("Component", k.path("kind").asText(), "deploy/components/monitoring must be a kustomize Component");
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (String resource : texts(k.path("resources"))) {
            for (JsonNode doc : readDocs(MONITORING.resolve(resource))) {
                objects.put(doc.path("kind").asText(), doc);
            }
        }
        assertEquals(Set.of("ServiceMonitor", "PrometheusRule"), objects.keySet());
        JsonNode service = baseObject("Service");
        String namespace = service.path("metadata").path("namespace").asText();
        for (JsonNode object : objects.values()) {
            assertEquals("monitoring.coreos.com/v1", object.path("apiVersion").asText());
            assertEquals(namespace, object.path("metadata").path("namespace").asText(),
                    object.path("kind").asText() + ": a component gets no namespace from the base");
        }
        JsonNode monitor = objects.get("ServiceMonitor").path("spec");
        assertTrue(labels(service.path("metadata").path("labels")).entrySet()
                        .containsAll(labels(monitor.path("selector").path("matchLabels")).entrySet()),
                "the ServiceMonitor must select the Service");
        JsonNode endpoint = monitor.path("endpoints").path(0);
        assertEquals(1, monitor.path("endpoints").size());
        JsonNode management = servicePort(service, 9000).orElseThrow(() -> new AssertionError("no Service port 9000"));
        assertEquals(management.path("name").asText(), endpoint.path("port").asText(),
                "the ServiceMonitor must scrape the Service's management port, by name");
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertEquals("http", endpoint.path("scheme").asText(), "the management port is plain HTTP");

        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : objects.get("PrometheusRule").path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertTrue(alerts.add(alert), "alert " + alert + " twice");
                assertFalse(rule.path("expr").asText().isBlank(), alert + ": no expr");
                assertTrue(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()),
                        alert + ": severity warning or critical");
                assertTrue(rule.path("annotations").path("summary").isTextual(), alert + ": no summary");
                Matcher job = Pattern.compile("job=\"([^\"]*)\"").matcher(rule.path("expr").asText());
                while (job.find()) {
                    assertEquals(service.path("metadata").path("name").asText(), job.group(1),
                            alert + ": a ServiceMonitor's targets get the Service's name as job");
                }
            }
        }
        assertTrue(alerts.size() >= 5, "the alerts: " + alerts);
    }

    // ---------------------------------------------------------------- kustomize

    @Test
    void everyKustomizationReferencesFilesThatExist() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            kustomizations = walk.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        assertEquals(Set.of(BASE, OVERLAYS.resolve("openshift"), OVERLAYS.resolve("cert-manager"),
                OVERLAYS.resolve("plain"), MONITORING), kustomizations.stream().map(Path::getParent).collect(Collectors.toSet()),
                "the kustomizations under deploy/");
        Map<String, JsonNode> baseObjects = new LinkedHashMap<>();
        for (JsonNode doc : baseDocs()) {
            baseObjects.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
        for (Path kustomization : kustomizations) {
            Path dir = kustomization.getParent();
            JsonNode k = readDocs(kustomization).get(0);
            for (String resource : texts(k.path("resources"))) {
                Path target = dir.resolve(resource).normalize();
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        rel(kustomization) + ": resource " + resource + " is neither a file nor a kustomization");
            }
            for (JsonNode patch : k.path("patches")) {
                if (patch.has("target")) {
                    // A JSON patch names its object in the target, not in the file.
                    String id = patch.path("target").path("kind").asText() + "/"
                            + patch.path("target").path("name").asText();
                    assertTrue(baseObjects.containsKey(id),
                            rel(kustomization) + ": patch target " + id + ", which deploy/base does not define");
                    assertTrue(Files.isRegularFile(dir.resolve(patch.path("path").asText())),
                            rel(kustomization) + ": patch " + patch.path("path").asText() + " is missing");
                } else if (patch.has("path")) {
                    Path target = dir.resolve(patch.path("path").asText());
                    assertTrue(Files.isRegularFile(target), rel(kustomization) + ": patch " + target + " is missing");
                    for (JsonNode doc : readDocs(target)) {
                        String id = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
                        assertTrue(baseObjects.containsKey(id),
                                rel(target) + ": patches " + id + ", which deploy/base does not define");
                    }
                }
            }
            for (String field : List.of("patchesStrategicMerge", "patchesJson6902", "bases", "vars")) {
                assertTrue(k.path(field).isMissingNode(),
                        rel(kustomization) + ": " + field + " is deprecated in kustomize v5; use resources/patches");
            }
            for (JsonNode generator : k.path("secretGenerator")) {
                for (String file : texts(generator.path("files"))) {
                    Path source = dir.resolve(file.substring(file.indexOf('=') + 1)).normalize();
                    // Certificate inputs are copied in by hand (see deploy/README.md) and
                    // must never be committed: their folder exists and git-ignores them.
                    assertTrue(Files.isRegularFile(source) || Files.isRegularFile(source.getParent().resolve(".gitignore")),
                            rel(kustomization) + ": generator input " + file
                                    + " is missing and its folder has no .gitignore that marks it as copied in");
                    assertTrue(source.startsWith(dir), rel(kustomization) + ": " + file
                            + " is outside the kustomization root, which kustomize refuses to load");
                }
            }
        }
    }

    @Test
    void openshiftOverlayUsesTheServiceCa() throws IOException {
        Path dir = OVERLAYS.resolve("openshift");
        Map<String, JsonNode> patched = patchedObjects(dir);
        assertEquals(tlsSecretName(),
                annotation(patched.get("Service/idms-webhook"), "service.beta.openshift.io/serving-cert-secret-name"),
                "the service-ca Secret must be the one the Deployment mounts");
        for (String config : webhookConfigIds()) {
            assertEquals("true", annotation(patched.get(config), "service.beta.openshift.io/inject-cabundle"),
                    config + " needs the service-ca CA bundle injection annotation");
        }
    }

    @Test
    void certManagerOverlayChainsIssuersAndInjectsTheServingCa() throws IOException {
        Path dir = OVERLAYS.resolve("cert-manager");
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        JsonNode k = readDocs(dir.resolve("kustomization.yaml")).get(0);
        for (String resource : texts(k.path("resources"))) {
            Path file = dir.resolve(resource);
            if (Files.isRegularFile(file)) {
                for (JsonNode doc : readDocs(file)) {
                    objects.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
        String namespace = baseObject("Service").path("metadata").path("namespace").asText();
        String service = baseObject("Service").path("metadata").path("name").asText();
        Map<String, JsonNode> patched = patchedObjects(dir);
        String servingName = null;
        for (String config : webhookConfigIds()) {
            String inject = annotation(patched.get(config), "cert-manager.io/inject-ca-from");
            assertNotNull(inject, config + " needs cert-manager.io/inject-ca-from");
            assertTrue(inject.startsWith(namespace + "/"), config + ": inject-ca-from " + inject
                    + " must name a Certificate in " + namespace);
            servingName = inject.substring(namespace.length() + 1);
        }
        JsonNode serving = objects.get("Certificate/" + servingName);
        assertNotNull(serving, "inject-ca-from names Certificate " + servingName + ", which the overlay does not define");
        assertEquals(tlsSecretName(), serving.path("spec").path("secretName").asText(),
                "the serving Certificate must write the Secret the Deployment mounts");
        assertTrue(texts(serving.path("spec").path("dnsNames")).contains(service + "." + namespace + ".svc"),
                "the serving Certificate must name " + service + "." + namespace + ".svc, the host the API server calls");

        JsonNode caIssuer = objects.get("Issuer/" + serving.path("spec").path("issuerRef").path("name").asText());
        assertNotNull(caIssuer, "the serving Certificate's issuer is not in the overlay");
        String caSecret = caIssuer.path("spec").path("ca").path("secretName").asText();
        JsonNode ca = objects.values().stream()
                .filter(o -> o.path("kind").asText().equals("Certificate"))
                .filter(o -> o.path("spec").path("secretName").asText().equals(caSecret))
                .findFirst().orElseThrow(() -> new AssertionError("no Certificate writes the CA Secret " + caSecret));
        assertTrue(ca.path("spec").path("isCA").asBoolean(false), "the CA Certificate must be isCA");
        JsonNode selfSigned = objects.get("Issuer/" + ca.path("spec").path("issuerRef").path("name").asText());
        assertNotNull(selfSigned, "the CA Certificate's issuer is not in the overlay");
        assertTrue(selfSigned.path("spec").has("selfSigned"), "the CA must be signed by a selfSigned Issuer");
    }

    @Test
    void plainOverlayGeneratesTheSecretAndCopiesTheCaBundle() throws IOException {
        JsonNode k = readDocs(OVERLAYS.resolve("plain/kustomization.yaml")).get(0);
        JsonNode generator = k.path("secretGenerator").path(0);
        assertEquals(tlsSecretName(), generator.path("name").asText(),
                "the generated Secret must be the one the Deployment mounts (kustomize appends the hash)");
        assertEquals("kubernetes.io/tls", generator.path("type").asText());
        Set<String> keys = texts(generator.path("files")).stream().map(f -> f.substring(0, f.indexOf('=')))
                .collect(Collectors.toSet());
        assertEquals(Set.of("tls.crt", "tls.key", "ca.crt"), keys, "Secret keys");

        Set<String> targets = new TreeSet<>();
        for (JsonNode replacement : k.path("replacements")) {
            JsonNode source = replacement.path("source");
            assertEquals("Secret/" + tlsSecretName() + "/data.[ca.crt]", source.path("kind").asText() + "/"
                    + source.path("name").asText() + "/" + source.path("fieldPath").asText(), "caBundle source");
            for (JsonNode target : replacement.path("targets")) {
                assertEquals(List.of("webhooks.*.clientConfig.caBundle"), texts(target.path("fieldPaths")));
                assertTrue(target.path("options").path("create").asBoolean(false),
                        "caBundle is absent in the base, the replacement must create it");
                targets.add(target.path("select").path("kind").asText() + "/"
                        + target.path("select").path("name").asText());
            }
        }
        assertEquals(new TreeSet<>(webhookConfigIds()), targets, "caBundle must reach both webhook configurations");
    }

    @Test
    void samplesAreMirrorSetsForTheDryRunCheck() throws IOException {
        for (String sample : List.of("good-idms.yaml", "bad-idms.yaml")) {
            JsonNode doc = readDocs(DEPLOY.resolve("samples").resolve(sample)).get(0);
            assertEquals(MirrorSetKind.IDMS.apiVersion(), doc.path("apiVersion").asText(), sample);
            assertEquals(MirrorSetKind.IDMS.kind(), doc.path("kind").asText(), sample);
            assertTrue(doc.path("spec").path(MirrorSetKind.IDMS.listField()).size() > 0, sample + ": no entries");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static List<JsonNode> readDocs(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            YAML.readValues(YAML.getFactory().createParser(reader), JsonNode.class)
                    .forEachRemaining(doc -> {
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            docs.add(doc);
                        }
                    });
        }
        return docs;
    }

    private static List<JsonNode> baseDocs() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        JsonNode k = readDocs(BASE.resolve("kustomization.yaml")).get(0);
        for (String resource : texts(k.path("resources"))) {
            docs.addAll(readDocs(BASE.resolve(resource)));
        }
        return docs;
    }

    private static JsonNode baseObject(String kind) throws IOException {
        List<JsonNode> found = baseDocs().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "deploy/base must define exactly one " + kind);
        return found.get(0);
    }

    private static Map<String, JsonNode> patchedObjects(Path overlay) throws IOException {
        Map<String, JsonNode> patched = new LinkedHashMap<>();
        JsonNode k = readDocs(overlay.resolve("kustomization.yaml")).get(0);
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("target")) {
                continue;
            }
            for (JsonNode doc : readDocs(overlay.resolve(patch.path("path").asText()))) {
                patched.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
            }
        }
        return patched;
    }

    private static List<String> webhookConfigIds() throws IOException {
        return List.of("ValidatingWebhookConfiguration/"
                        + baseObject("ValidatingWebhookConfiguration").path("metadata").path("name").asText(),
                "MutatingWebhookConfiguration/"
                        + baseObject("MutatingWebhookConfiguration").path("metadata").path("name").asText());
    }

    private static String annotation(JsonNode object, String key) {
        assertNotNull(object, "the overlay does not patch this object");
        JsonNode value = object.path("metadata").path("annotations").path(key);
        return value.isMissingNode() ? null : value.asText();
    }

    private static String singlePath(String kind) throws IOException {
        Set<String> paths = new TreeSet<>();
        baseObject(kind).path("webhooks")
                .forEach(w -> paths.add(w.path("clientConfig").path("service").path("path").asText()));
        assertEquals(1, paths.size(), kind + ": all webhooks should call one path, found " + paths);
        return paths.iterator().next();
    }

    private static JsonNode webhookContainer() throws IOException {
        JsonNode containers = baseObject("Deployment").path("spec").path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            if (container.path("name").asText().equals("webhook")) {
                return container;
            }
        }
        return fail("the Deployment has no container named webhook");
    }

    private static String tlsSecretName() throws IOException {
        JsonNode pod = baseObject("Deployment").path("spec").path("template").path("spec");
        return volume(pod, "tls").path("secret").path("secretName").asText();
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        return fail("the pod has no volume named " + name);
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                return mount.path("mountPath").asText();
            }
        }
        return fail("container " + container.path("name").asText() + " does not mount volume " + volume);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    private static java.util.Optional<JsonNode> servicePort(JsonNode service, int port) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == port) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    private static int resolvePort(JsonNode port, Map<String, Integer> containerPorts) {
        if (port.isInt()) {
            return containerPorts.containsValue(port.asInt()) ? port.asInt() : -1;
        }
        return containerPorts.getOrDefault(port.asText(), -1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> labels(JsonNode map) {
        Map<String, String> labels = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String rel(Path file) {
        return ROOT.relativize(file.toAbsolutePath()).toString();
    }

    // ---------------------------------------------------------------- configuration

    private static Properties applicationProperties() throws IOException {
        if (!Files.isRegularFile(APPLICATION_PROPERTIES)) {
            fail(rel(APPLICATION_PROPERTIES) + " is missing: the port checks compare the manifests with "
                    + "quarkus.http.ssl-port and quarkus.management.port there");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The value the packaged (prod) application sees: a %prod. key wins over the plain one. */
    private static String property(Properties config, String key) {
        String value = config.getProperty("%prod." + key, config.getProperty(key));
        if (value == null) {
            return null;
        }
        Matcher expression = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value.trim());
        return expression.matches() ? expression.group(1) : value.trim();
    }

    /** Quarkus' own default applies when the key is absent, as it would at run time. */
    private static int intProperty(Properties config, String key, int quarkusDefault) {
        String value = property(config, key);
        try {
            return value == null ? quarkusDefault : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fail("application.properties: " + key + "=" + value + " is not a port number");
        }
    }
}
