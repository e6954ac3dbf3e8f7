package io.fieldprint.collector.config;

import java.nio.file.Path;

/**
 * TLS for the HTTP server from PEM files.
 *
 * @param certificate PEM certificate chain, the server certificate first
 * @param key PEM private key (PKCS#8 or PKCS#1)
 */
public record Tls(Path certificate, Path key) {}
