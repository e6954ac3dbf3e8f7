package io.fieldprint.protocols.active;

import java.time.Duration;

/** The gate's answer to "may this request leave the process now?". */
public sealed interface Admission permits Admission.Admitted, Admission.Refused, Admission.Wait {

  /** Send it now, exactly as the permit describes, then call {@link Permit#complete}. */
  record Admitted(Permit permit) implements Admission {}

  /** Never send it in this scan (policy, budget, circuit breaker, stopped scan). */
  record Refused(String reason) implements Admission {}

  /** Not now: ask again after {@code duration} (politeness, back-off, global caps). */
  record Wait(Duration duration, String reason) implements Admission {}
}
