package io.fieldprint.protocols.active;

/** OPC UA UserTokenType (Part 4 §7.43) offered in ActivateSession. */
public enum UserTokenType {
  ANONYMOUS,
  USERNAME,
  CERTIFICATE,
  ISSUED_TOKEN
}
