package io.idmswebhook.core.rules;

import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.Collections;
import java.util.List;

/**
 * An entry with its locations parsed once, for the rules that pair them.
 *
 * @param path    the entry's field path, {@code spec.imageDigestMirrors[i]}, made once: every rule
 *                that reports on the entry starts from it
 * @param source  the parsed source, or null when it did not parse (S1 already reported)
 * @param mirrors parsed mirrors by position, null where one did not parse
 */
public record ParsedEntry(MirrorSet set, MirrorEntry entry, String path, Location source, List<Location> mirrors) {

    public ParsedEntry {
        mirrors = Collections.unmodifiableList(mirrors);
    }

    public String mirrorPath(int i) {
        return path() + ".mirrors[" + i + "]";
    }
}
