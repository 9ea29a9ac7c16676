package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    private static final ObjectMapper MAPPER = AdmissionJson.newMapper();

    private static ObjectNode request() throws Exception {
        return (ObjectNode) MAPPER.readTree("""
                {"uid":"u-1","operation":"UPDATE","name":"n","namespace":"",
                 "kind":{"group":"config.openshift.io","version":"v1","kind":"ImageDigestMirrorSet"},
                 "requestKind":{"group":"config.openshift.io","version":"v1","kind":"ImageDigestMirrorSet"},
                 "resource":{"group":"config.openshift.io","version":"v1","resource":"imagedigestmirrorsets"},
                 "userInfo":{"username":"alice","uid":"1","groups":["system:authenticated"],"extra":{"k":["v"]}},
                 "dryRun":true,"options":{"kind":"UpdateOptions"}}""");
    }

    @Test
    void everyFieldAnAnswerUsesIsRead() throws Exception {
        ReviewRequest r = RequestFields.read(request());
        assertEquals("u-1", r.uid());
        assertEquals("UPDATE", r.operation());
        assertEquals("n", r.name());
        assertEquals("config.openshift.io", r.kind().group());
        assertEquals("v1", r.kind().version());
        assertEquals("ImageDigestMirrorSet", r.kind().kind());
        assertEquals("alice", r.user());
        assertTrue(r.dryRun());
        assertNull(r.object());
        assertNull(r.oldObject());
    }

    @Test
    void absentAndNullFieldsStayUnset() throws Exception {
        ObjectNode req = request();
        req.remove("userInfo");
        req.putNull("dryRun");
        req.putNull("object");
        ReviewRequest r = RequestFields.read(req);
        assertNull(r.user());
        assertFalse(r.dryRun());
        assertNull(r.object());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "uid|5|request.uid is the number",
            "kind|\"ImageDigestMirrorSet\"|request.kind is the string",
            "kind|{\"group\":1,\"version\":\"v1\",\"kind\":\"K\"}|request.kind.group is the number",
            "resource|[]|request.resource is a list",
            "requestKind|[]|request.requestKind is a list",
            "requestResource|{\"resource\":5}|request.requestResource.resource is the number",
            "namespace|false|request.namespace is",
            "operation|7|request.operation is the number",
            "dryRun|\"yes\"|request.dryRun is the string",
            "userInfo|{\"username\":[\"a\"]}|request.userInfo.username is a list",
            "userInfo|{\"groups\":[\"a\",2]}|request.userInfo.groups[1] is the number",
            "options|\"x\"|request.options is the string"})
    void aFieldOfTheWrongTypeIsRefusedWithItsPath(String field, String json, String expected) throws Exception {
        ObjectNode req = request();
        req.set(field, MAPPER.readTree(json));
        NotAReviewException e = assertThrows(NotAReviewException.class, () -> RequestFields.read(req));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("this is not an admission.k8s.io/v1 AdmissionReview"), e.getMessage());
    }
}
