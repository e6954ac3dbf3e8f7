package io.fieldprint.agent.service.config;

import java.util.List;

/**
 * Live passive capture.
 *
 * @param interfaces the network interfaces to listen on (one capture thread each)
 * @param filter a BPF filter expression, empty for every packet
 * @param snaplen bytes kept of each packet
 * @param promiscuous whether to put the interfaces in promiscuous mode (a SPAN port needs it)
 */
public record CaptureSettings(
    List<String> interfaces, String filter, int snaplen, boolean promiscuous) {
  public static final int DEFAULT_SNAPLEN = 65535;

  public CaptureSettings {
    interfaces = List.copyOf(interfaces);
  }

  @Override
  public String toString() {
    return interfaces
        + (filter.isEmpty() ? "" : " filter '" + filter + "'")
        + " snaplen "
        + snaplen
        + (promiscuous ? " promiscuous" : "");
  }
}
