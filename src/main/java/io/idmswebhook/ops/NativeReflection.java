package io.idmswebhook.ops;

import io.fabric8.kubernetes.api.model.CreateOptions;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.GroupVersionResource;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PatchOptions;
import io.fabric8.kubernetes.api.model.Preconditions;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.UpdateOptions;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.openshift.api.model.config.v1.ConfigMapNameReference;
import io.fabric8.openshift.api.model.config.v1.Image;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSet;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSetList;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSetSpec;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSetStatus;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrors;
import io.fabric8.openshift.api.model.config.v1.ImageList;
import io.fabric8.openshift.api.model.config.v1.ImageSpec;
import io.fabric8.openshift.api.model.config.v1.ImageStatus;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSet;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSetList;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSetSpec;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrorSetStatus;
import io.fabric8.openshift.api.model.config.v1.ImageTagMirrors;
import io.fabric8.openshift.api.model.config.v1.RegistryLocation;
import io.fabric8.openshift.api.model.config.v1.RegistrySources;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicy;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicyList;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicySpec;
import io.fabric8.openshift.api.model.operator.v1alpha1.RepositoryDigestMirrors;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection, in a native image, every fabric8 model class that Jackson
 * reads or writes in this service. A native executable keeps no reflective metadata
 * unless asked, and a missing class fails only at run time, on the first request that
 * touches it, so the list is checked by {@code NativeReflectionTest}: it walks the
 * Jackson properties of each root below and fails on any reachable model class that is
 * not listed.
 *
 * <p>Groups, by where the bytes come from:
 * <ul>
 *   <li>the admission review the API server posts, and the response we send back
 *       (status for denials). The webhook path itself reads and writes these field by field
 *       ({@code RequestFields}, {@code AnswerWriter}) without reflection; they stay
 *       registered so that any Jackson use of them (a {@code Status} in a watch error, a
 *       review logged or read by a future path) works in the native executable as on the
 *       JVM, where it was checked;</li>
 *   <li>{@code request.object}, {@code request.oldObject} and {@code request.options}
 *       are declared as the {@code KubernetesResource} interface, and fabric8 picks the
 *       class from their {@code apiVersion}/{@code kind} at run time, so no static type
 *       walk reaches them: the three mirror kinds and the option kinds the API server
 *       sends with CREATE (CreateOptions), UPDATE (UpdateOptions, or PatchOptions for a
 *       patch) and DELETE (DeleteOptions) are listed by hand;</li>
 *   <li>the informer cache: lists and watch events of the three mirror kinds and of the
 *       cluster image config.</li>
 * </ul>
 */
@RegisterForReflection(targets = {
        // admission.k8s.io/v1 review, request, response
        AdmissionReview.class,
        AdmissionRequest.class,
        AdmissionResponse.class,
        GroupVersionKind.class,
        GroupVersionResource.class,
        UserInfo.class,
        Status.class,
        StatusDetails.class,
        StatusCause.class,
        ListMeta.class,
        // request.options, resolved by kind at run time
        CreateOptions.class,
        UpdateOptions.class,
        PatchOptions.class,
        DeleteOptions.class,
        Preconditions.class,
        // object metadata shared by every kind
        ObjectMeta.class,
        ManagedFieldsEntry.class,
        OwnerReference.class,
        FieldsV1.class,
        // config.openshift.io/v1 ImageDigestMirrorSet
        ImageDigestMirrorSet.class,
        ImageDigestMirrorSetSpec.class,
        ImageDigestMirrorSetStatus.class,
        ImageDigestMirrors.class,
        ImageDigestMirrorSetList.class,
        // config.openshift.io/v1 ImageTagMirrorSet
        ImageTagMirrorSet.class,
        ImageTagMirrorSetSpec.class,
        ImageTagMirrorSetStatus.class,
        ImageTagMirrors.class,
        ImageTagMirrorSetList.class,
        // operator.openshift.io/v1alpha1 ImageContentSourcePolicy
        ImageContentSourcePolicy.class,
        ImageContentSourcePolicySpec.class,
        RepositoryDigestMirrors.class,
        ImageContentSourcePolicyList.class,
        // config.openshift.io/v1 Image (the cluster image config)
        Image.class,
        ImageSpec.class,
        ImageStatus.class,
        RegistrySources.class,
        RegistryLocation.class,
        ConfigMapNameReference.class,
        ImageList.class,
        // informer watch stream
        WatchEvent.class,
})
public final class NativeReflection {

    private NativeReflection() {
    }
}
