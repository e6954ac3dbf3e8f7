package io.fieldprint.agent.service.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Passive replay of recorded captures: each file is read once, at start, through the same decoders
 * as live capture, into the agent's inventory.
 *
 * @param files pcap or pcapng files, replayed one after the other
 * @param rate the most frames per second fed to the decoders (the replay is paced, never a burst)
 */
public record ReplaySettings(List<Path> files, int rate) {
  public static final int DEFAULT_RATE = 1000;
  public static final int MAX_RATE = 1_000_000;

  public ReplaySettings {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("replay needs at least one file");
    }
    if (rate < 1 || rate > MAX_RATE) {
      throw new IllegalArgumentException("replay rate must be 1-" + MAX_RATE + ": " + rate);
    }
  }

  @Override
  public String toString() {
    return files + " at most " + rate + " frames/s";
  }
}
