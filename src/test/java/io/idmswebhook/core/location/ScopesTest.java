package io.idmswebhook.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void prefixMatchesOnlyAtBoundaries() {
        assertTrue(Scopes.covers("quay.io/ns", "quay.io/ns"));
        assertTrue(Scopes.covers("quay.io/ns", "quay.io/ns/app"));
        assertTrue(Scopes.covers("quay.io/ns", "quay.io/ns@sha256:abc"));
        assertFalse(Scopes.covers("quay.io/ns", "quay.io/nsx"));
        assertFalse(Scopes.covers("quay.io/ns/app", "quay.io/ns"));
    }

    @Test
    void bareHostAlsoMatchesItsPortsLikeTheNodesDo() {
        assertTrue(Scopes.covers("quay.io", "quay.io:5000/x"));
        assertEquals("quay.io".length(), Scopes.matchLength("quay.io", "quay.io:5000/x"));
    }

    @Test
    void wildcardMatchesSubdomainsOnly() {
        assertTrue(Scopes.covers("*.example.com", "foo.example.com"));
        assertTrue(Scopes.covers("*.example.com", "a.b.example.com:5000/ns"));
        assertFalse(Scopes.covers("*.example.com", "example.com"));
        assertFalse(Scopes.covers("*.example.com", "foo.example.community"));
        assertFalse(Scopes.covers("*.example.com", "quay.io/foo.example.com"));
    }

    @Test
    void strictlyInside() {
        assertTrue(Scopes.strictlyInside("quay.io/ns", "quay.io"));
        assertFalse(Scopes.strictlyInside("quay.io", "quay.io"));
        assertTrue(Scopes.strictlyInside("*.a.example.com", "*.example.com"));
        assertTrue(Scopes.strictlyInside("foo.example.com", "*.example.com"));
        assertFalse(Scopes.strictlyInside("*.example.com", "foo.example.com"));
    }
}
