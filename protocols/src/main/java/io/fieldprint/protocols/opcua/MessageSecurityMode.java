package io.fieldprint.protocols.opcua;

/** MessageSecurityMode enumeration (Part 4 §7.20): Invalid 0, None 1, Sign 2, SignAndEncrypt 3. */
public enum MessageSecurityMode {
  INVALID("Invalid"),
  NONE("None"),
  SIGN("Sign"),
  SIGN_AND_ENCRYPT("SignAndEncrypt");

  private final String specName;

  MessageSecurityMode(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  /** The mode for a wire value, or {@code null} for codes outside the enumeration. */
  public static MessageSecurityMode of(int value) {
    return value >= 0 && value < values().length ? values()[value] : null;
  }

  /** The spec name of a wire value, or {@code unknown(n)}. */
  public static String nameOf(int value) {
    MessageSecurityMode m = of(value);
    return m == null ? "unknown(" + value + ")" : m.specName;
  }
}
