package io.fieldprint.protocols.opcua;

import io.fieldprint.protocols.decode.DecodeWarning;
import io.fieldprint.protocols.decode.PduContext;
import io.fieldprint.protocols.model.Authority;
import io.fieldprint.protocols.model.DeviceRef;
import io.fieldprint.protocols.model.Evidence;
import io.fieldprint.protocols.model.Identity;
import io.fieldprint.protocols.model.Observation;
import java.util.List;
import java.util.Map;

/** Puts one connection's observations, findings and warnings into the sink, each once. */
final class Emitter {
  static final String PROTOCOL = "opcua";

  private final SeenKeys seen = new SeenKeys();

  /** Evidence for a message seen now. */
  static Evidence evidence(PduContext ctx, String source, Map<String, Object> fields) {
    return new Evidence(source, ctx.timestamp(), ctx.origin(), fields);
  }

  /**
   * Emits an observation unless one with the same subject, source and {@code contentKey} was
   * already emitted on this connection. Returns whether it was emitted.
   */
  boolean observeOnce(
      PduContext ctx,
      DeviceRef subject,
      Identity identity,
      Authority authority,
      Evidence evidence,
      String contentKey) {
    if (!seen.first("o|" + subject + "|" + evidence.source() + "|" + contentKey)) {
      return false;
    }
    ctx.sink().observe(new Observation(PROTOCOL, subject, identity, authority, evidence));
    return true;
  }

  /** Emits each finding not yet emitted for {@code subject} on this connection. */
  void findings(
      PduContext ctx, DeviceRef subject, List<PostureFinding> findings, Evidence evidence) {
    for (PostureFinding f : findings) {
      finding(ctx, subject, f, evidence);
    }
  }

  /**
   * Emits {@code finding} (ignored when {@code null}) unless already emitted for {@code subject}.
   */
  void finding(PduContext ctx, DeviceRef subject, PostureFinding finding, Evidence evidence) {
    if (finding != null && seen.first("f|" + subject + "|" + finding.dedupeKey())) {
      ctx.sink().finding(finding.toFinding(subject, evidence));
    }
  }

  static void warn(PduContext ctx, String message) {
    ctx.sink().warning(new DecodeWarning(ctx.origin(), PROTOCOL, message));
  }
}
