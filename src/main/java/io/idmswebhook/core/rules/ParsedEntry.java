package io.idmswebhook.core.rules;

import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.Collections;
import java.util.List;

/**
 * An entry with its locations parsed once, for the rules that pair them.
 *
 * @param source  the parsed source, or null when it did not parse (S1 already reported)
 * @param mirrors parsed mirrors by position, null where one did not parse
 */
public record ParsedEntry(MirrorSet set, MirrorEntry entry, Location source, List<Location> mirrors) {

    public ParsedEntry {
        mirrors = Collections.unmodifiableList(mirrors);
    }

    public String path() {
        return set.entryPath(entry.index());
    }

    public String mirrorPath(int i) {
        return path() + ".mirrors[" + i + "]";
    }
}
