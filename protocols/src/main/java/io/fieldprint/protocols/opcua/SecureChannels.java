package io.fieldprint.protocols.opcua;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secure channels seen on one connection, by SecureChannelId: the policy their OPN messages
 * named and how their MSG chunks are protected. Bounded; the oldest channel goes first.
 */
final class SecureChannels {
  private static final int MAX_CHANNELS = 16;

  /** How a channel's MSG chunks are protected, as far as the capture shows. */
  enum Protection {
    /** Policy None: plaintext, no signature. */
    NONE,
    /** Secured policy seen in OPN; not yet known whether Sign or SignAndEncrypt. */
    UNDETERMINED,
    /** Plaintext bodies followed by a signature. */
    SIGN,
    /** Bodies (and sequence headers) encrypted. */
    SIGN_AND_ENCRYPT,
    /** No OPN seen (capture started mid-connection); bodies read as plaintext. */
    UNKNOWN_PLAINTEXT,
    /** No OPN seen and no plaintext recognised yet. */
    UNKNOWN
  }

  /** One channel's state. */
  static final class Channel {
    final long id;
    String policyUri;
    Protection protection;
    int unrecognisedChunks;
    boolean protectionReported;

    Channel(long id, String policyUri, Protection protection) {
      this.id = id;
      this.policyUri = policyUri;
      this.protection = protection;
    }

    /** Bytes of signature at the end of each chunk (0 when unsigned or unknown). */
    int signatureLength() {
      return protection == Protection.SIGN
          ? Math.max(0, SecurityPolicy.symmetricSignatureLength(policyUri))
          : 0;
    }

    /** Whether the channel encrypts message bodies. */
    boolean encrypts() {
      return protection == Protection.SIGN_AND_ENCRYPT;
    }

    /** The protection as the spec's MessageSecurityMode name, or {@code unknown}. */
    String modeName() {
      switch (protection) {
        case NONE:
          return "None";
        case SIGN:
          return "Sign";
        case SIGN_AND_ENCRYPT:
          return "SignAndEncrypt";
        case UNKNOWN_PLAINTEXT:
          return "unknown (plaintext; OpenSecureChannel not captured)";
        default:
          return "unknown";
      }
    }
  }

  private final Map<Long, Channel> channels =
      new LinkedHashMap<>(4, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Channel> eldest) {
          return size() > MAX_CHANNELS;
        }
      };

  private Channel last;

  /** The channel with {@code id}, or {@code null}. */
  Channel get(long id) {
    if (last != null && last.id == id) {
      return last;
    }
    Channel c = channels.get(id);
    if (c != null) {
      last = c;
    }
    return c;
  }

  /** Records an OPN response: the channel now uses {@code policyUri}. */
  Channel opened(long id, String policyUri) {
    Channel c = get(id);
    Protection protection =
        SecurityPolicy.isNone(policyUri) ? Protection.NONE : Protection.UNDETERMINED;
    if (c == null || !java.util.Objects.equals(c.policyUri, policyUri)) {
      c = new Channel(id, policyUri, protection);
      channels.put(id, c);
      last = c;
    }
    return c;
  }

  /** A channel first seen in a MSG chunk, without its OPN. */
  Channel adopt(long id) {
    Channel c = new Channel(id, null, Protection.UNKNOWN);
    channels.put(id, c);
    last = c;
    return c;
  }
}
