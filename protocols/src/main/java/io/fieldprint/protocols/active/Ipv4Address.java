package io.fieldprint.protocols.active;

import java.util.Optional;

/** An IPv4 address as an unsigned 32-bit value. */
public record Ipv4Address(long value) {

  public Ipv4Address {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a 32-bit address: " + value);
    }
  }

  /** Parses dotted-quad text ({@code 10.0.0.1}); empty for anything else (names, IPv6, junk). */
  public static Optional<Ipv4Address> parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      value = (value << 8) | octet;
    }
    return Optional.of(new Ipv4Address(value));
  }

  /** Why an active probe must never be sent to this address, or empty if it may be. */
  public Optional<String> unprobeableReason() {
    if (value == 0) {
      return Optional.of("0.0.0.0 is not a host");
    }
    if (value == 0xFFFF_FFFFL) {
      return Optional.of("255.255.255.255 is the limited broadcast address");
    }
    if ((value >>> 28) == 0xE) {
      return Optional.of(this + " is a multicast address (224.0.0.0/4)");
    }
    if ((value >>> 28) == 0xF) {
      return Optional.of(this + " is reserved (240.0.0.0/4)");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return (value >>> 24)
        + "."
        + ((value >>> 16) & 0xFF)
        + "."
        + ((value >>> 8) & 0xFF)
        + "."
        + (value & 0xFF);
  }
}
