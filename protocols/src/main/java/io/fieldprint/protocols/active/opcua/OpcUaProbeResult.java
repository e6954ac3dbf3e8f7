package io.fieldprint.protocols.active.opcua;

/** How probing one OPC UA target ended. */
public sealed interface OpcUaProbeResult
    permits OpcUaProbeResult.Probed, OpcUaProbeResult.Unreachable {

  /**
   * The server answered GetEndpoints.
   *
   * @param endpoints endpoints it described
   * @param anonymousSession whether an anonymous session was activated (and BuildInfo read)
   * @param notes why later steps were skipped or failed (empty when everything ran)
   */
  record Probed(int endpoints, boolean anonymousSession, java.util.List<String> notes)
      implements OpcUaProbeResult {
    public Probed {
      notes = java.util.List.copyOf(notes);
    }
  }

  /** Discovery failed: no endpoints (closed port, timeout, gate refusal, not OPC UA). */
  record Unreachable(String reason) implements OpcUaProbeResult {}
}
