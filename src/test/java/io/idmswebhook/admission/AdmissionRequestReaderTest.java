package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AdmissionRequestReaderTest {

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
    void everyFieldTheApiServerSendsIsRead() throws Exception {
        AdmissionRequest r = AdmissionRequestReader.read(request());
        assertEquals("u-1", r.getUid());
        assertEquals("UPDATE", r.getOperation());
        assertEquals("n", r.getName());
        assertEquals("config.openshift.io", r.getKind().getGroup());
        assertEquals("v1", r.getKind().getVersion());
        assertEquals("ImageDigestMirrorSet", r.getKind().getKind());
        assertEquals("ImageDigestMirrorSet", r.getRequestKind().getKind());
        assertEquals("imagedigestmirrorsets", r.getResource().getResource());
        assertEquals("alice", r.getUserInfo().getUsername());
        assertEquals(List.of("system:authenticated"), r.getUserInfo().getGroups());
        assertEquals(Boolean.TRUE, r.getDryRun());
    }

    @Test
    void absentAndNullFieldsStayUnset() throws Exception {
        ObjectNode req = request();
        req.remove("userInfo");
        req.putNull("dryRun");
        AdmissionRequest r = AdmissionRequestReader.read(req);
        assertNull(r.getUserInfo());
        assertNull(r.getDryRun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "uid|5|request.uid is the number",
            "kind|\"ImageDigestMirrorSet\"|request.kind is the string",
            "kind|{\"group\":1,\"version\":\"v1\",\"kind\":\"K\"}|request.kind.group is the number",
            "resource|[]|request.resource is a list",
            "operation|7|request.operation is the number",
            "dryRun|\"yes\"|request.dryRun is the string",
            "userInfo|{\"username\":[\"a\"]}|request.userInfo.username is a list",
            "userInfo|{\"groups\":[\"a\",2]}|request.userInfo.groups[1] is the number",
            "options|\"x\"|request.options is the string"})
    void aFieldOfTheWrongTypeIsRefusedWithItsPath(String field, String json, String expected) throws Exception {
        ObjectNode req = request();
        req.set(field, MAPPER.readTree(json));
        AdmissionHandler.NotAReviewException e =
                assertThrows(AdmissionHandler.NotAReviewException.class, () -> AdmissionRequestReader.read(req));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(e.getMessage().endsWith("this is not an admission.k8s.io/v1 AdmissionReview"), e.getMessage());
    }
}
