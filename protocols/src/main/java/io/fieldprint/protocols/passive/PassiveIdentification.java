package io.fieldprint.protocols.passive;

import io.fieldprint.protocols.capture.CaptureFiles;
import io.fieldprint.protocols.capture.CaptureFormatException;
import io.fieldprint.protocols.capture.CaptureReader;
import io.fieldprint.protocols.capture.CapturedFrame;
import io.fieldprint.protocols.decode.DecoderSet;
import io.fieldprint.protocols.inventory.AssetMerger;
import io.fieldprint.protocols.inventory.Inventory;
import io.fieldprint.protocols.inventory.InventorySource;
import io.fieldprint.protocols.inventory.MacRegistry;
import io.fieldprint.protocols.inventory.MergeLimits;
import io.fieldprint.protocols.packet.DissectorLimits;
import io.fieldprint.protocols.packet.PacketDissector;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an inventory from capture files: each file is streamed through a packet dissector into one
 * asset merge. A file that cannot be read at all becomes a failed source with a one-line reason;
 * damage inside a file is a warning, and what was read before it is kept.
 */
public final class PassiveIdentification {
  private final DecoderSet decoders;
  private final DissectorLimits dissectorLimits;
  private final MergeLimits mergeLimits;
  private final MacRegistry macVendors;

  public PassiveIdentification(
      DecoderSet decoders,
      DissectorLimits dissectorLimits,
      MergeLimits mergeLimits,
      MacRegistry macVendors) {
    this.decoders = decoders;
    this.dissectorLimits = dissectorLimits;
    this.mergeLimits = mergeLimits;
    this.macVendors = macVendors;
  }

  public Inventory run(List<CaptureInput> inputs) {
    AssetMerger merger = new AssetMerger(mergeLimits, macVendors);
    List<InventorySource> sources = new ArrayList<>();
    for (CaptureInput input : inputs) {
      sources.add(read(input, merger));
    }
    return merger.build(sources);
  }

  private InventorySource read(CaptureInput input, AssetMerger merger) {
    CountingSink sink = new CountingSink(merger);
    PacketDissector dissector = new PacketDissector(decoders, dissectorLimits, sink);
    long frames = 0;
    long bytes = 0;
    long first = -1;
    long last = -1;
    String error = null;
    boolean notACapture = false;
    try (CaptureReader reader =
        CaptureFiles.open(
            FileChannel.open(input.path(), StandardOpenOption.READ), input.name(), sink::warning)) {
      CapturedFrame frame;
      while ((frame = reader.next()) != null) {
        frames++;
        bytes += frame.data().remaining();
        if (first < 0) {
          first = frame.timestampNanos();
        }
        last = frame.timestampNanos();
        dissector.accept(frame, input.name());
      }
    } catch (CaptureFormatException e) {
      error = e.getMessage();
      notACapture = e.unknownFormat();
    } catch (NoSuchFileException e) {
      error = input.name() + ": no such file";
    } catch (AccessDeniedException e) {
      error = input.name() + ": permission denied";
    } catch (IOException e) {
      error = input.name() + ": " + e.getMessage();
    } finally {
      dissector.finish();
    }
    String status =
        notACapture
            ? "skipped"
            : error != null && frames == 0 ? "failed" : error != null ? "partial" : "ok";
    if (status.equals("ok") && sink.fileDamaged()) {
      status = "partial";
    }
    return new InventorySource(
        "pcap",
        input.name(),
        status,
        error,
        frames,
        bytes,
        first < 0 ? null : instant(first),
        last < 0 ? null : instant(last),
        sink.warnings());
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }
}
