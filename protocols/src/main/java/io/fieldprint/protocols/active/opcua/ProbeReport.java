package io.fieldprint.protocols.active.opcua;

import io.fieldprint.protocols.active.ScanTarget;
import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.ObservationSink;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import io.fieldprint.protocols.opcua.PostureFinding;
import java.time.InstantSource;
import java.util.Map;

/** Where one probe's observations, findings and warnings go, with the target's naming. */
final class ProbeReport {

  static final String PROTOCOL = "opcua";

  private final ScanTarget target;
  private final DeviceRef subject;
  private final ObservationSink sink;
  private final InstantSource clock;

  ProbeReport(ScanTarget target, DeviceRef subject, ObservationSink sink, InstantSource clock) {
    this.target = target;
    this.subject = subject;
    this.sink = sink;
    this.clock = clock;
  }

  /** Evidence for {@code request} (e.g. {@code Read i=2261..2266}) sent to the target. */
  Evidence evidence(String source, String request, Map<String, Object> fields) {
    return new Evidence(source, clock.instant(), target.uri() + " " + request, fields);
  }

  void observe(Identity identity, Evidence evidence) {
    sink.observe(new Observation(PROTOCOL, subject, identity, Authority.DEVICE_REPORTED, evidence));
  }

  void finding(PostureFinding finding, Evidence evidence) {
    sink.finding(finding.toFinding(subject, evidence));
  }

  void warning(String message) {
    sink.warning(new DecodeWarning(target.uri(), PROTOCOL, message));
  }

  ScanTarget target() {
    return target;
  }
}
