package io.fieldprint.agent.service.scan;

import io.fieldprint.protocols.active.ScanProtocol;
import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.Finding;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.model.Role;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts the live captures saw speak a protocol fieldprint can scan, as server or device (not as
 * a client): what {@code scan.onlySeen} waits for before a host of {@code scan.networks} is probed.
 * Only passive observations count (the scan's own answers never reach this), and at most {@link
 * #MAX_HOSTS} (protocol, address) pairs are kept, so hostile traffic cannot grow it without bound.
 */
public final class PassiveSightings {
  /** Most (protocol, address) pairs kept; later ones are not recorded. */
  public static final int MAX_HOSTS = 65_536;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** A sink that records sightings and forwards everything to {@code next}. */
  public ObservationSink recording(ObservationSink next) {
    return new Recorder(next);
  }

  /** Whether the captures saw the target's host speak the target's protocol. */
  public boolean saw(ScanTarget target) {
    return target.address().isPresent()
        && seen.contains(key(protocolName(target.protocol()), target.address().get().toString()));
  }

  /** How many (protocol, address) pairs were seen. */
  public int size() {
    return seen.size();
  }

  void record(Observation o) {
    if (o.protocol() == null || o.subject().ip() == null || o.identity().role() == Role.CLIENT) {
      return;
    }
    if (!o.protocol().equals("modbus") && !o.protocol().equals("opcua")) {
      return;
    }
    if (seen.size() < MAX_HOSTS) {
      seen.add(key(o.protocol(), o.subject().ip()));
    }
  }

  private static String protocolName(ScanProtocol p) {
    return p == ScanProtocol.MODBUS ? "modbus" : "opcua";
  }

  private static String key(String protocol, String ip) {
    return protocol + " " + ip;
  }

  /** Records, then forwards. */
  private final class Recorder implements ObservationSink {
    private final ObservationSink next;

    Recorder(ObservationSink next) {
      this.next = next;
    }

    @Override
    public void observe(Observation observation) {
      record(observation);
      next.observe(observation);
    }

    @Override
    public void finding(Finding finding) {
      next.finding(finding);
    }

    @Override
    public void warning(DecodeWarning warning) {
      next.warning(warning);
    }
  }
}
