package io.fieldprint.protocols.opcua;

/**
 * UserTokenType enumeration (Part 4 §7.43): Anonymous 0, UserName 1, Certificate 2, IssuedToken 3.
 */
public enum UserTokenType {
  ANONYMOUS("Anonymous"),
  USER_NAME("UserName"),
  CERTIFICATE("Certificate"),
  ISSUED_TOKEN("IssuedToken");

  private final String specName;

  UserTokenType(String specName) {
    this.specName = specName;
  }

  /** The name the specification uses. */
  public String specName() {
    return specName;
  }

  /** The type for a wire value, or {@code null} for codes outside the enumeration. */
  public static UserTokenType of(int value) {
    return value >= 0 && value < values().length ? values()[value] : null;
  }

  /** The spec name of a wire value, or {@code unknown(n)}. */
  public static String nameOf(int value) {
    UserTokenType t = of(value);
    return t == null ? "unknown(" + value + ")" : t.specName;
  }
}
