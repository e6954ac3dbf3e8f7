package io.fieldprint.collector.correlation;

/**
 * What the correlator knows of agents' reports, so that matching leaves them the CPU: a report in
 * flight waits for nothing but its own work, and new devices are correlated a moment later.
 */
public interface ReportActivity {
  /** No reports, ever: for tools and tests. */
  ReportActivity NONE =
      new ReportActivity() {
        @Override
        public boolean inFlight() {
          return false;
        }

        @Override
        public boolean arriving() {
          return false;
        }
      };

  /** Whether a report is being received or ingested right now. */
  boolean inFlight();

  /** Whether a report is in flight or was answered a moment ago, so more are likely to follow. */
  boolean arriving();
}
