package io.idmswebhook.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a request is, by operation, kind and objects: one row per case the rule book names. */
class RequestTargetTest {

    private static final RequestedKind IDMS = new RequestedKind("config.openshift.io", "v1", "ImageDigestMirrorSet");
    private static final RequestedKind ICSP = new RequestedKind("operator.openshift.io", "v1alpha1", "ImageContentSourcePolicy");
    private static final RequestedKind IDMS_V2 = new RequestedKind("config.openshift.io", "v2", "ImageDigestMirrorSet");
    private static final RequestedKind POD = new RequestedKind(null, "v1", "Pod");
    private static final RequestedKind ICSP_IN_CONFIG = new RequestedKind("config.openshift.io", "v1alpha1", "ImageContentSourcePolicy");

    private static final Finding SHAPE = Finding.deny(RuleId.X4, "spec.imageDigestMirrors", "", "is a string", "send a list");

    /** An object that reads as a mirror set of whichever kind it is asked for, named {@code name}. */
    private static CarriedObject readable(String name) {
        return kind -> new MirrorSet(kind, name, List.of());
    }

    private static final CarriedObject UNREADABLE = kind -> {
        throw new CarriedObject.Unreadable(SHAPE);
    };

    /** An object that must not be read at all: the answer is settled before the object matters. */
    private static final CarriedObject UNTOUCHED = kind -> {
        throw new AssertionError("the object was read for " + kind);
    };

    /** The rule id of a settled decision's one finding, "allow" for a clean allow. */
    private static String settledAs(RequestTarget target) {
        Decision d = assertInstanceOf(RequestTarget.Settled.class, target).decision();
        if (d.denials().isEmpty() && d.warnings().isEmpty()) {
            return "allow";
        }
        assertEquals(1, d.denials().size() + d.warnings().size(), d::toString);
        Finding f = d.allowed() ? d.warnings().get(0) : d.denials().get(0);
        return (d.allowed() ? "allow+" : "deny ") + f.rule().name();
    }

    static Stream<Arguments> settled() {
        return Stream.of(
                Arguments.of("DELETE", IDMS, null, null, "allow"),
                Arguments.of("DELETE", IDMS, null, UNREADABLE, "allow"),
                Arguments.of("DELETE", POD, null, UNTOUCHED, "allow"),
                Arguments.of("CONNECT", IDMS, null, null, "allow"),
                Arguments.of("PATCH", IDMS, UNTOUCHED, null, "deny X4"),
                Arguments.of("create", IDMS, UNTOUCHED, null, "deny X4"),
                Arguments.of("PATCH", POD, UNTOUCHED, null, "deny X4"),
                Arguments.of("CREATE", POD, UNTOUCHED, null, "allow+X1"),
                Arguments.of("UPDATE", IDMS_V2, UNTOUCHED, UNTOUCHED, "allow+X1"),
                Arguments.of("CREATE", ICSP_IN_CONFIG, UNTOUCHED, null, "allow+X1"),
                Arguments.of("CREATE", IDMS, null, null, "deny X4"),
                Arguments.of("UPDATE", IDMS, null, readable("old"), "deny X4"),
                Arguments.of("CREATE", IDMS, UNREADABLE, null, "deny X4"),
                Arguments.of("UPDATE", ICSP, UNREADABLE, readable("old"), "deny X4"));
    }

    @Test
    void aDeleteOfAReadableStoredObjectIsJudgedForWhatItDoesToTheNodes() {
        RequestTarget.Removal removal = assertInstanceOf(RequestTarget.Removal.class,
                RequestTarget.of("DELETE", IDMS, null, readable("gone")));
        assertEquals("gone", removal.oldObject().name());
        assertEquals(MirrorSetKind.IDMS, removal.kind());
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @MethodSource("settled")
    void aRequestWithNothingToJudgeIsSettled(String operation, RequestedKind kind, CarriedObject object,
                                             CarriedObject oldObject, String expected) {
        assertEquals(expected, settledAs(RequestTarget.of(operation, kind, object, oldObject)));
    }

    @Test
    void anUnreadableObjectIsDeniedWithTheFindingOfItsShape() {
        Decision d = ((RequestTarget.Settled) RequestTarget.of("CREATE", IDMS, UNREADABLE, null)).decision();
        assertSame(SHAPE, d.denials().get(0));
    }

    static Stream<Arguments> evaluated() {
        return Stream.of(
                Arguments.of("CREATE", IDMS, readable("new"), null, MirrorSetKind.IDMS, null),
                // CREATE never carries an old object worth reading, even if one is sent.
                Arguments.of("CREATE", IDMS, readable("new"), readable("old"), MirrorSetKind.IDMS, null),
                Arguments.of("UPDATE", IDMS, readable("new"), readable("old"), MirrorSetKind.IDMS, "old"),
                Arguments.of("UPDATE", ICSP, readable("new"), null, MirrorSetKind.ICSP, null),
                // An unreadable stored object excuses nothing: the update is judged as a create.
                Arguments.of("UPDATE", IDMS, readable("new"), UNREADABLE, MirrorSetKind.IDMS, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("evaluated")
    void aHandledKindWithAReadableObjectIsJudged(String operation, RequestedKind kind, CarriedObject object,
                                                 CarriedObject oldObject, MirrorSetKind handled, String oldName) {
        RequestTarget.Evaluate e = assertInstanceOf(RequestTarget.Evaluate.class,
                RequestTarget.of(operation, kind, object, oldObject));
        assertEquals(handled, e.kind());
        assertEquals(handled, e.object().kind());
        assertEquals("new", e.object().name());
        if (oldName == null) {
            assertNull(e.oldObject());
        } else {
            assertEquals(oldName, e.oldObject().name());
        }
    }

    @Test
    void anUnknownKindIsNamedAsOneQuotedValue() {
        Decision d = ((RequestTarget.Settled) RequestTarget.of("CREATE",
                new RequestedKind("example.com", "v1", "Evil\n[P1]"), UNTOUCHED, null)).decision();
        String warning = d.warnings().get(0).message();
        assertTrue(warning.startsWith("request.kind: Evil\\n[P1] example.com/v1 is not a kind"), warning);
        assertTrue(warning.endsWith("[X1]"), warning);
    }
}
