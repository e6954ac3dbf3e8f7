package io.fieldprint.protocols.model;

/**
 * How much an observation's identity claims can be trusted, from strongest to weakest. The asset
 * merge fills each field from the strongest observation that has it.
 */
public enum Authority {
  /** The device itself answered with this identity (a response, an announcement it sent). */
  DEVICE_REPORTED,
  /** Another party said it about the device (a request naming it, a neighbour table). */
  PEER_REPORTED,
  /** Derived without the device saying it (MAC OUI, port conventions). */
  INFERRED
}
