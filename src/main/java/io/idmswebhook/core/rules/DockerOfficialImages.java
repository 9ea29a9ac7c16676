package io.idmswebhook.core.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of the Docker Official Images, shipped as data ({@value #RESOURCE}) so that the list
 * can follow Docker Hub without a code change. Rule S10 needs them: a pull of {@code nginx} is
 * normalised to {@code docker.io/library/nginx}, while {@code docker.io/grafana} is an
 * organisation whose pulls match as written.
 */
final class DockerOfficialImages {

    static final String RESOURCE = "docker-official-images.txt";

    private static final Set<String> NAMES = load();

    private DockerOfficialImages() {
    }

    static boolean contains(String name) {
        return NAMES.contains(name);
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = DockerOfficialImages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                // a build that lost the data file must fail loudly, not stop warning silently
                throw new IllegalStateException(RESOURCE + " is missing from the class path beside "
                        + DockerOfficialImages.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Set.copyOf(names);
    }
}
