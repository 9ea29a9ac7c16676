package io.idmswebhook.admission;

import static io.idmswebhook.admission.AdmissionClient.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.TestCertificates;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule D5 switched on by configuration. */
@QuarkusTest
@TestProfile(MutateExplicitPolicyTest.ExplicitPolicy.class)
@WithTestResource(value = TestCertificates.class, scope = TestResourceScope.GLOBAL)
class MutateExplicitPolicyTest {

    public static class ExplicitPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("idms.defaulting.explicit-policy", "true");
        }
    }

    @TestHTTPResource(value = "/mutate", tls = true)
    URL mutate;

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    @Test
    void writesAllowContactingSourceOnlyWhereUnsetWithARealMirror() {
        JsonNode patched = MutateAssertions.assertGolden(mutate, fixture("d5-explicit-policy"));
        MutateAssertions.assertValidAndStable(mutate, validate, patched);
    }
}
