package io.fieldprint.protocols.active.modbus;

import io.fieldprint.protocols.active.Admission;
import io.fieldprint.protocols.active.ModbusRequest;
import io.fieldprint.protocols.active.OutboundGate;
import io.fieldprint.protocols.active.Outcome;
import io.fieldprint.protocols.active.Permit;
import io.fieldprint.protocols.active.ScanTarget;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The request/response exchanges of one probe with one device: asks the gate for each request
 * (waiting as it says, within the device's time budget), opens the one connection with the first
 * admitted request, sends the permit's exact frame, and reports each outcome back to the gate.
 */
final class ModbusExchanges implements AutoCloseable {

  private final OutboundGate gate;
  private final ScanTarget target;
  private final InstantSource clock;
  private final Instant deadline;
  private ModbusTcpChannel channel;
  private String broken;
  private int sent;
  private int responses;

  ModbusExchanges(OutboundGate gate, ScanTarget target, InstantSource clock, Instant deadline) {
    this.gate = gate;
    this.target = target;
    this.clock = clock;
    this.deadline = deadline;
  }

  /** Sends {@code request} once, if the gate admits it, and returns how it ended. */
  ModbusReply send(ModbusRequest request) {
    if (broken != null) {
      return new ModbusReply.NotSent("connection unusable: " + broken);
    }
    Admission admission = admit(request);
    if (admission instanceof Admission.Refused refused) {
      return new ModbusReply.NotSent(
          "gate refused " + request.auditText() + ": " + refused.reason());
    }
    if (!(admission instanceof Admission.Admitted admitted)) {
      return new ModbusReply.NotSent("time budget of the device used up");
    }
    Permit permit = admitted.permit();
    ModbusReply reply = exchange(permit);
    permit.complete(outcome(reply));
    if (reply instanceof ModbusReply.Broken b) {
      broken = b.reason();
    }
    if (reply instanceof ModbusReply.Unreachable u) {
      broken = u.reason();
    }
    if (reply instanceof ModbusReply.Frame) {
      responses++;
    }
    return reply;
  }

  private ModbusReply exchange(Permit permit) {
    Duration timeout = min(permit.timeout(), Duration.between(clock.instant(), deadline));
    if (channel == null) {
      try {
        channel = ModbusTcpChannel.connect(target.host(), target.port(), timeout);
      } catch (IOException | RuntimeException e) {
        return new ModbusReply.Unreachable("could not connect: " + e.getMessage());
      }
    }
    sent++;
    byte[] frame = permit.modbusFrame().orElseThrow();
    return channel.exchange(frame, permit.transactionId(), timeout);
  }

  /** The gate's final answer: Admitted, Refused, or a Wait that would overrun the deadline. */
  private Admission admit(ModbusRequest request) {
    while (true) {
      Admission admission = gate.admit(target, request);
      if (!(admission instanceof Admission.Wait wait)) {
        return admission;
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (wait.duration().compareTo(left) >= 0) {
        return wait;
      }
      if (!pause(wait.duration())) {
        return new Admission.Refused("interrupted");
      }
    }
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Outcome outcome(ModbusReply reply) {
    if (reply instanceof ModbusReply.Frame f) {
      return (f.functionCode() & 0x80) != 0 ? Outcome.REFUSED_BY_DEVICE : Outcome.SUCCESS;
    }
    return reply instanceof ModbusReply.Silence ? Outcome.TIMEOUT : Outcome.EXCEPTION;
  }

  private static Duration min(Duration a, Duration b) {
    Duration m = a.compareTo(b) <= 0 ? a : b;
    return m.isNegative() || m.isZero() ? Duration.ofMillis(1) : m;
  }

  /** The address connected to, or the target host before any connection. */
  String address() {
    return channel != null ? channel.remoteAddress() : target.host();
  }

  int sent() {
    return sent;
  }

  int responses() {
    return responses;
  }

  long bytesReceived() {
    return channel == null ? 0 : channel.bytesReceived();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close();
    }
    gate.connectionClosed(target);
  }
}
