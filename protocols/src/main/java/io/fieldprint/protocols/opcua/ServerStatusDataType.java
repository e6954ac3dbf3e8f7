package io.fieldprint.protocols.opcua;

import java.time.Instant;

/**
 * ServerStatusDataType structure (DataType i=862, binary encoding i=864; Part 5 §12.10), the value
 * of Server_ServerStatus (i=2256).
 *
 * @param startTime StartTime DateTime
 * @param currentTime CurrentTime DateTime
 * @param state ServerState enumeration (Int32): Running 0, Failed 1, NoConfiguration 2, Suspended
 *     3, Shutdown 4, Test 5, CommunicationFault 6, Unknown 7
 * @param buildInfo BuildInfo
 * @param secondsTillShutdown SecondsTillShutdown UInt32
 * @param shutdownReason ShutdownReason LocalizedText
 */
public record ServerStatusDataType(
    Instant startTime,
    Instant currentTime,
    int state,
    BuildInfo buildInfo,
    long secondsTillShutdown,
    LocalizedText shutdownReason) {

  /** ServerStatusDataType_Encoding_DefaultBinary. */
  public static final long ENCODING_ID = 864;

  private static final String[] STATES = {
    "Running",
    "Failed",
    "NoConfiguration",
    "Suspended",
    "Shutdown",
    "Test",
    "CommunicationFault",
    "Unknown"
  };

  public static ServerStatusDataType read(UaBinaryReader r) {
    Instant start = r.readDateTime();
    Instant current = r.readDateTime();
    int state = r.readInt32();
    BuildInfo buildInfo = BuildInfo.read(r);
    long seconds = r.readUInt32();
    return new ServerStatusDataType(
        start, current, state, buildInfo, seconds, LocalizedText.read(r));
  }

  /** The ServerState name, or {@code unknown(n)} for codes outside the enumeration. */
  public static String stateName(int state) {
    return state >= 0 && state < STATES.length ? STATES[state] : "unknown(" + state + ")";
  }
}
