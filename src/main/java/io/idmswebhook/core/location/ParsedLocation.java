package io.idmswebhook.core.location;

/** Either a {@link Location} or the {@link LocationProblem} that made the string not one. */
public record ParsedLocation(Location location, LocationProblem problem) {

    public boolean ok() {
        return location != null;
    }
}
