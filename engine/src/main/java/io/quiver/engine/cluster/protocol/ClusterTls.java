package io.quiver.engine.cluster.protocol;

import java.nio.file.Path;

/**
 * TLS for the cluster's Flight connections: every server presents {@code certificateChain} (PEM)
 * with {@code privateKey} (PEM, PKCS#8); every client trusts {@code trustedCertificates} (PEM; the
 * CA or the certificate itself). One certificate for all members is fine (in Kubernetes, a Secret).
 */
public record ClusterTls(Path certificateChain, Path privateKey, Path trustedCertificates) {
}
