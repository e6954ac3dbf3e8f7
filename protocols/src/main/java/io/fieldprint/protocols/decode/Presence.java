package io.fieldprint.protocols.decode;

import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;

/**
 * The observations that record that a device takes part in a protocol, without identity: the server
 * of a connection (role {@code server}, which any specific role reported elsewhere beats) and the
 * client (role {@code client}). Both name the protocol, so the asset lists it.
 */
public final class Presence {
  private static final Identity SERVER = Identity.builder().role(Role.SERVER).build();
  private static final Identity CLIENT = Identity.builder().role(Role.CLIENT).build();

  private Presence() {}

  /**
   * The connection's server speaks {@code protocol}; {@code authority} is device-reported when it
   * answered, inferred when only requests to it were seen.
   */
  public static Observation server(
      String protocol, TcpFlow flow, Authority authority, Evidence evidence) {
    return new Observation(protocol, flow.server().device(), SERVER, authority, evidence);
  }

  /** The connection's client speaks {@code protocol} (it sent requests). */
  public static Observation client(String protocol, TcpFlow flow, Evidence evidence) {
    return new Observation(protocol, flow.client().device(), CLIENT, Authority.INFERRED, evidence);
  }
}
