package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.x509.CertificateChain;
import io.fieldprint.protocols.x509.CertificateDecoder;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Decodes each distinct certificate chain once per connection (a server repeats the same
 * certificate in every endpoint and every OPN response). Bounded; the oldest entry goes first.
 */
final class CertificateCache implements Function<byte[], CertificateChain> {
  private static final int MAX_ENTRIES = 16;

  private final Map<ByteBuffer, CertificateChain> chains =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, CertificateChain> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  @Override
  public CertificateChain apply(byte[] der) {
    ByteBuffer key = ByteBuffer.wrap(der);
    CertificateChain chain = chains.get(key);
    if (chain == null) {
      chain = CertificateDecoder.decode(der);
      chains.put(key, chain);
    }
    return chain;
  }
}
